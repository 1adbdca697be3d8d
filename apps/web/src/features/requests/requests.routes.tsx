import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { authedRoute } from "../../app/root-route";

// Each page is its own chunk, fetched when its route is first visited.
const requestsPage = () => import("./requests-page");
const requestHelpPage = () => import("./request-help-page");
const requestPage = () => import("./request-page");

const text = (value: unknown) => (typeof value === "string" && value ? value : undefined);

const requestsRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: "/requests",
  component: lazyRouteComponent(requestsPage, "RequestsPage"),
});

const newRequestRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: "/requests/new",
  validateSearch: (search: Record<string, unknown>): { familyId?: string } => {
    const familyId = text(search.familyId);
    return familyId ? { familyId } : {};
  },
  component: lazyRouteComponent(requestHelpPage, "RequestHelpPage"),
});

const requestRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: "/requests/$requestId",
  component: lazyRouteComponent(requestPage, "RequestPage"),
});

export const requestRoutes = [requestsRoute, newRequestRoute, requestRoute];
