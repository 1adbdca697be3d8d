import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { authedRoute } from "../../app/root-route";
import { periodKinds, type ReportSearch, splits } from "./report-queries";

const reportsPage = () => import("./reports-page");

function pick<T extends string>(value: unknown, allowed: readonly T[]): T | undefined {
  return allowed.find((a) => a === value);
}

/** The partnership's figures: partnership analysts, and managers for their service. */
export const reportsRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: "/reports",
  validateSearch: (search: Record<string, unknown>): ReportSearch => ({
    period: pick(search.period, periodKinds),
    from:
      typeof search.from === "string" && /^\d{4}-\d{2}-\d{2}$/.test(search.from)
        ? search.from
        : undefined,
    split: pick(search.split, splits),
  }),
  component: lazyRouteComponent(reportsPage, "ReportsPage"),
});
