export * from "./cookies";
export * from "./invitations";
export * from "./passwords";
export * from "./sessions";
export * from "./throttle";
export { generateRandomToken, hashToken, isWellFormedToken } from "./tokens";
export * from "./totp";
