export * from "./caseload";
export * from "./drift";
export * from "./oversight-vocabulary";
