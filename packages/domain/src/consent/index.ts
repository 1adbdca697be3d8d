export * from "./consent-giver.policy";
