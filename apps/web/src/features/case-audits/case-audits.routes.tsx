import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { authedRoute } from "../../app/root-route";

const auditSamplePage = () => import("./audit-sample-page");

/** A manager's quarterly random sample of cases for audit. */
export const auditSampleRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: "/audit-sample",
  component: lazyRouteComponent(auditSamplePage, "AuditSamplePage"),
});
