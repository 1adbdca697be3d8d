import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { authedRoute } from "../../app/root-route";

// Each page is its own chunk, fetched when its route is first visited.
const myWorkPage = () => import("./my-work-page");

export const myWorkRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: "/my-work",
  component: lazyRouteComponent(myWorkPage, "MyWorkPage"),
});
