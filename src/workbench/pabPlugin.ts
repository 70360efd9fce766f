import "./customFunctionsRuntime";
import {
  ArraySize,
  CellError,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  SimpleRangeValue,
} from "hyperformula";
import { atp, balance, cover, shortage, slack, status } from "../functions/functions";

const ERROR_TYPES: Record<string, ErrorType> = {
  "#VALUE!": ErrorType.VALUE,
  "#N/A": ErrorType.NA,
  "#NUM!": ErrorType.NUM,
  "#DIV/0!": ErrorType.DIV_BY_ZERO,
  "#REF!": ErrorType.REF,
  "#NAME?": ErrorType.NAME,
};

const num = { argumentType: FunctionArgumentType.NUMBER };
const optNum = { argumentType: FunctionArgumentType.NUMBER, optionalArg: true };
const range = { argumentType: FunctionArgumentType.RANGE };
const optRange = { argumentType: FunctionArgumentType.RANGE, optionalArg: true };

type Impl = (...args: any[]) => any;
const IMPLS: Record<string, { fn: Impl; params: object[]; shape: "series" | "pair" | "scalar" }> = {
  "PAB.BALANCE": { fn: balance, params: [num, range, range, optRange, optNum], shape: "series" },
  "PAB.STATUS": {
    fn: status,
    params: [num, range, range, optNum, optRange, optNum],
    shape: "series",
  },
  "PAB.ATP": { fn: atp, params: [num, range, range], shape: "series" },
  "PAB.SHORTAGE": { fn: shortage, params: [num, range, range, optRange, optNum], shape: "pair" },
  "PAB.COVER": { fn: cover, params: [num, range, range, optRange, optNum], shape: "scalar" },
  "PAB.SLACK": { fn: slack, params: [num, range, range, optRange, optNum], shape: "series" },
};

/** =PAB.* in the workbench's formula engine: the add-in's own functions, called as Excel calls them. */
class PabFunctions extends FunctionPlugin {
  run(name: string, ast: any, state: any): any {
    return this.runFunction(ast.args, state, this.metadata(name), (...args: any[]) => {
      const cells = args.map((a) => (a instanceof SimpleRangeValue ? a.rawData() : a));
      try {
        const out = IMPLS[name].fn(...cells);
        return Array.isArray(out) ? SimpleRangeValue.onlyValues(out) : out;
      } catch (e) {
        const code = (e as { code?: string }).code;
        if (code && ERROR_TYPES[code])
          return new CellError(ERROR_TYPES[code], (e as Error).message);
        throw e;
      }
    });
  }

  size(name: string, ast: any): ArraySize {
    const shape = IMPLS[name].shape;
    if (shape === "scalar") return ArraySize.scalar();
    if (shape === "pair") return new ArraySize(2, 1);
    const arg = ast.args[1];
    if (arg?.type !== "CELL_RANGE") return ArraySize.scalar();
    const width = arg.end.col - arg.start.col + 1;
    const height = arg.end.row - arg.start.row + 1;
    return width >= height ? new ArraySize(width, 1) : new ArraySize(1, height);
  }
}

const implemented: Record<string, object> = {};
for (const [name, impl] of Object.entries(IMPLS)) {
  const key = name.replace(".", "_");
  (PabFunctions.prototype as any)[key] = function (this: PabFunctions, ast: any, state: any) {
    return this.run(name, ast, state);
  };
  (PabFunctions.prototype as any)[`${key}_size`] = function (this: PabFunctions, ast: any) {
    return this.size(name, ast);
  };
  implemented[name] = {
    method: key,
    sizeOfResultArrayMethod: `${key}_size`,
    parameters: impl.params,
  };
}
(PabFunctions as any).implementedFunctions = implemented;

let registered = false;
export function registerPabFunctions(): void {
  if (registered) return;
  const names = Object.fromEntries(Object.keys(IMPLS).map((n) => [n, n]));
  HyperFormula.registerFunctionPlugin(PabFunctions as any, { enGB: names, enUS: names });
  registered = true;
}
