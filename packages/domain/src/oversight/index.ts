export * from "./case-audit.schema";
export * from "./case-audit-words";
export * from "./caseload";
export * from "./drift";
export * from "./oversight-vocabulary";
export * from "./quarters";
