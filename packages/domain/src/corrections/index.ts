export * from "./record-corrections";
