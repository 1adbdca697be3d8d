export * from "./journey-vocabulary";
export * from "./request.policy";
