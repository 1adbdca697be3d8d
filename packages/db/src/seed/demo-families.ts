/**
 * Three synthetic families whose situations read like everyday Early Help
 * work, each with a history of requests, assessments, reviews and closures.
 * Every name and detail is invented.
 */
export { seedAshdownFamily } from "./demo-ashdown";
export { seedMarshFamily } from "./demo-marsh";
export { seedWrenFamily } from "./demo-wren";
