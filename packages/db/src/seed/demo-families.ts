/**
 * Four synthetic families whose situations read like everyday Early Help
 * work, each with a history of requests, assessments, reviews and closures
 * (the Hollis family's closure waits for the manager's sign-off).
 * Every name and detail is invented.
 */
export { seedAshdownFamily } from "./demo-ashdown";
export { seedHollisFamily } from "./demo-hollis";
export { seedMarshFamily } from "./demo-marsh";
export { seedWrenFamily } from "./demo-wren";
