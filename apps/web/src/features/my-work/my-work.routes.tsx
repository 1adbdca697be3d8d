import { createRoute } from "@tanstack/react-router";
import { authedRoute } from "../../app/root-route";
import { MyWorkPage } from "./my-work-page";

export const myWorkRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: "/my-work",
  component: MyWorkPage,
});
