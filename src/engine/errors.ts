/** Bad engine input, naming the argument and (0-based) position it came from. */
export class EngineInputError extends Error {
  readonly argument: string;
  readonly index: number | null;

  constructor(argument: string, index: number | null, message: string) {
    super(message);
    this.name = "EngineInputError";
    this.argument = argument;
    this.index = index;
  }
}
