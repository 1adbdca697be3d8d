export * from "./cookies";
export * from "./invitations";
export * from "./passwords";
export * from "./session-states";
export * from "./sessions";
export * from "./sign-in-state";
export * from "./throttle";
export { generateRandomToken, hashToken, isWellFormedToken } from "./tokens";
export * from "./totp";
