import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { rootRoute } from "../../app/root-route";

const signInPage = () => import("./guest-sign-in-page");
const roomPage = () => import("./guest-room-page");

/** A guest partner's two pages: the link from their email, then their one meeting. */
export const guestSignInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/guest/$token",
  component: lazyRouteComponent(signInPage, "GuestSignInPage"),
});

export const guestRoomRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/guest-meeting",
  component: lazyRouteComponent(roomPage, "GuestRoomPage"),
});
