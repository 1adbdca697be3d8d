import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { authedRoute } from "../../app/root-route";

// Each page is its own chunk, fetched when its route is first visited.
const notificationsPage = () => import("./notifications-page");
const preferencesPage = () => import("./notice-preferences-page");

export const notificationRoutes = [
  createRoute({
    getParentRoute: () => authedRoute,
    path: "/notifications",
    component: lazyRouteComponent(notificationsPage, "NotificationsPage"),
  }),
  createRoute({
    getParentRoute: () => authedRoute,
    path: "/account/notifications",
    component: lazyRouteComponent(preferencesPage, "NoticePreferencesPage"),
  }),
] as const;
