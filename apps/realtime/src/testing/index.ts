export * from "./realtime-test-setup";
export * from "./seeded-random";
export * from "./stored-acks";
export * from "./tcp-proxy";
export * from "./test-guests";
export * from "./test-meetings";
export * from "./test-realtime";
