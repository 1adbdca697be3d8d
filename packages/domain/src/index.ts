export * from "./authorization";
export * from "./shared/app-error";
export * from "./shared/vocabulary";
export * from "./users/account-rules";
