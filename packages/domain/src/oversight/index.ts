export * from "./oversight-vocabulary";
