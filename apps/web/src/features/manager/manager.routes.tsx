import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { type DriftKind, driftKinds } from "@teamaround/domain";
import { authedRoute } from "../../app/root-route";

const dashboardPage = () => import("./dashboard-page");

/** Which page of the drift queue, and which kind of item, the manager is looking at. */
export interface DriftSearch {
  driftPage?: number | undefined;
  driftKind?: DriftKind | undefined;
}

function pageNumber(value: unknown): number | undefined {
  const n = Number(value);
  return Number.isInteger(n) && n > 1 ? n : undefined;
}

/** The manager's workspace: caseload, drift and sign-offs of their service. */
export const dashboardRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: "/dashboard",
  validateSearch: (search: Record<string, unknown>): DriftSearch => ({
    driftPage: pageNumber(search.driftPage),
    driftKind: driftKinds.find((k) => k === search.driftKind),
  }),
  component: lazyRouteComponent(dashboardPage, "DashboardPage"),
});
