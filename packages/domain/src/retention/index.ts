export * from "./retention-rule";
