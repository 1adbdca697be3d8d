export * from "./count-figures";
export * from "./figure-catalogue";
export * from "./figure-period";
export * from "./figure-records";
export * from "./figure-scope";
export * from "./figure-splits";
export * from "./present-figures";
export * from "./suppression";
