export * from "./audit-event-kinds";
export * from "./describe-audit-event";
