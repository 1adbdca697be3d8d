export * from "./correction-request.policy";
export * from "./record-corrections";
