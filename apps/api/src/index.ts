export { apiConfigFrom } from "./api-config";
export type { ApiConfig, ApiDeps } from "./app-env";
export { createApi } from "./create-api";
export { securityHeaders } from "./http/security-headers";
