export * from "./awareness.schema";
export * from "./close-codes";
export * from "./document.policy";
export * from "./document-from-text";
export * from "./document-name";
export * from "./document-schema";
export * from "./document-sections";
