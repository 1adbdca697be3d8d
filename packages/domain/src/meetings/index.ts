export * from "./canonical-json";
export * from "./meeting.policy";
export * from "./meeting.schema";
export * from "./meeting-events";
export * from "./meeting-overdue";
export * from "./meeting-schedule";
export * from "./plan-version";
