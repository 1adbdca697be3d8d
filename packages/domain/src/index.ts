export * from "./authorization";
export * from "./documents";
export * from "./events";
export * from "./meetings";
export * from "./shared/age";
export * from "./shared/app-error";
export * from "./shared/vocabulary";
export * from "./users/account-rules";
