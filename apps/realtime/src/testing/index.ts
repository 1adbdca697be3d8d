export * from "./test-guests";
export * from "./test-meetings";
export * from "./test-realtime";
