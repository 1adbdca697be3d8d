export * from "./journey-vocabulary";
export * from "./request.policy";
export * from "./score.schema";
export * from "./re-referral";
