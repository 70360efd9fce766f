export * from "./incident";
export * from "./projection";
export * from "./escalation";
export * from "./targets";
export * from "./words";
export * from "./logRows";
export * from "./store";
export * from "./figures";
