import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { authedRoute } from "../../app/root-route";

// Each page is its own chunk, fetched when its route is first visited.
const sentNoticesPage = () => import("./sent-notices-page");
const myMessagesPage = () => import("./my-messages-page");

export const noticeRoutes = [
  createRoute({
    getParentRoute: () => authedRoute,
    path: "/admin/outbox",
    component: lazyRouteComponent(sentNoticesPage, "SentNoticesPage"),
  }),
  createRoute({
    getParentRoute: () => authedRoute,
    path: "/account/messages",
    component: lazyRouteComponent(myMessagesPage, "MyMessagesPage"),
  }),
] as const;
