export * from "./action-owner";
export * from "./owner-left";
