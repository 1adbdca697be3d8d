export * from "./abilities.schema";
export * from "./actor";
export * from "./family-permissions";
export * from "./family-policy";
export * from "./global-policy";
