export { createServer, type ServerDeps, type TeamaroundServer } from "./create-server";
