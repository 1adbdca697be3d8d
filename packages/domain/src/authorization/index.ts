export * from "./abilities.schema";
export * from "./access-refused";
export * from "./actor";
export * from "./equality-fields";
export * from "./family-permissions";
export * from "./family-policy";
export * from "./global-policy";
export * from "./refusal-messages";
