export * from "./action-owner";
