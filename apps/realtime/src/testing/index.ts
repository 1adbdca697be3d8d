export * from "./test-meetings";
export * from "./test-realtime";
