export * from "./organizations";
export * from "./creditors";
export * from "./debtors";
export * from "./accounts";
export * from "./audit";
export * from "./jobs";
export * from "./work";
export * from "./views";
