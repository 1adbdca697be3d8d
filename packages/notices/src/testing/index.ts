export * from "./calendar-parts";
export * from "./notify-stand-in";
export * from "./smtp-test-server";
