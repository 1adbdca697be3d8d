import type { ApiApp } from "./app-env";
import { registerFamilyRoutes } from "./families/families.routes";
import { registerFamilyLifecycleRoutes } from "./families/family-lifecycle.routes";

/** Every feature's routes. A feature added here must also appear in the security suite's table. */
export function registerFeatureRoutes(app: ApiApp): void {
  registerFamilyRoutes(app);
  registerFamilyLifecycleRoutes(app);
}
