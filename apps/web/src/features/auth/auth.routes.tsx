import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { authedRoute, rootRoute } from "../../app/root-route";
import { SignInPage } from "./sign-in-page";

// Each page is its own chunk, fetched when its route is first visited.
const sessionsPage = () => import("./sessions-page");
const setPasswordPage = () => import("./set-password-page");
const twoStepSetupPage = () => import("./two-step-setup-page");

const text = (value: unknown) => (typeof value === "string" && value ? value : undefined);
const flag = (value: unknown) => (value === true || value === "true" ? true : undefined);

interface SignInSearch {
  next?: string | undefined;
  expired?: boolean | undefined;
  signedOut?: boolean | undefined;
  /** Why a single sign-on came back here. */
  error?: string | undefined;
}

export const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/sign-in",
  validateSearch: (search: Record<string, unknown>): SignInSearch => ({
    next: text(search.next),
    expired: flag(search.expired),
    signedOut: flag(search.signedOut),
    error: text(search.error),
  }),
  component: SignInPage,
});

export const setPasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/set-password",
  validateSearch: (search: Record<string, unknown>): { token?: string | undefined } => ({
    token: text(search.token),
  }),
  component: lazyRouteComponent(setPasswordPage, "SetPasswordPage"),
});

export const sessionsRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: "/account/sessions",
  component: lazyRouteComponent(sessionsPage, "SessionsPage"),
});

export const twoStepRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: "/account/two-step-verification",
  component: lazyRouteComponent(twoStepSetupPage, "TwoStepSetupPage"),
});
