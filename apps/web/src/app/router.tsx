import type { QueryClient } from "@tanstack/react-query";
import { createRoute, createRouter, type RouterHistory, redirect } from "@tanstack/react-router";
import { NotFoundPage } from "../components/layout/not-found-page";
import { adminRoutes } from "../features/admin/admin.routes";
import {
  sessionsRoute,
  setPasswordRoute,
  signInRoute,
  twoStepRoute,
} from "../features/auth/auth.routes";
import { auditSampleRoute } from "../features/case-audits/case-audits.routes";
import { familyRouteTree, newFamilyRoute } from "../features/family/family.routes";
import { familyViewRoutes } from "../features/family-view/family-view.routes";
import { guestRoomRoute, guestSignInRoute } from "../features/guests/guests.routes";
import { dashboardRoute } from "../features/manager/manager.routes";
import { myWorkRoute } from "../features/my-work/my-work.routes";
import { noticeRoutes } from "../features/notices/notices.routes";
import { notificationRoutes } from "../features/notifications/notifications.routes";
import { reportsRoute } from "../features/reports/reports.routes";
import { requestRoutes } from "../features/requests/requests.routes";
import { authedRoute, homeFor, requireMe, rootRoute } from "./root-route";
import { meQuery } from "./session";

/** "/" sends each person to where they start. */
const homeRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/",
  beforeLoad: async ({ context, location }) => {
    await requireMe(context.queryClient, location.href);
    const me = await context.queryClient.ensureQueryData(meQuery);
    throw redirect({ to: homeFor(me.data, me.abilities) });
  },
});

const routeTree = rootRoute.addChildren([
  homeRoute,
  signInRoute,
  setPasswordRoute,
  guestSignInRoute,
  guestRoomRoute,
  authedRoute.addChildren([
    sessionsRoute,
    twoStepRoute,
    myWorkRoute,
    dashboardRoute,
    reportsRoute,
    auditSampleRoute,
    newFamilyRoute,
    familyRouteTree,
    ...familyViewRoutes,
    ...requestRoutes,
    ...adminRoutes,
    ...noticeRoutes,
    ...notificationRoutes,
  ]),
]);

/** The app's router; tests pass a memory history. */
export function createAppRouter(queryClient: QueryClient, history?: RouterHistory) {
  return createRouter({
    routeTree,
    ...(history ? { history } : {}),
    context: { queryClient },
    defaultNotFoundComponent: NotFoundPage,
    // Scroll restoration would keep positions in the browser's session store; nothing goes there.
    scrollRestoration: false,
  });
}

declare module "@tanstack/react-router" {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
