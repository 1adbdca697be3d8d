export * from "./assessment-factories";
export * from "./episode-factories";
export * from "./factories";
export * from "./plan-factories";
export * from "./scenario";
export * from "./sign-off-factories";
export * from "./test-database";
