import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { authedRoute } from "../../app/root-route";

const dashboardPage = () => import("./dashboard-page");

/** The manager's workspace: caseload, drift and sign-offs of their service. */
export const dashboardRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: "/dashboard",
  component: lazyRouteComponent(dashboardPage, "DashboardPage"),
});
