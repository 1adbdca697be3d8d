import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { authedRoute } from "../../app/root-route";

// Each page is its own chunk, fetched when its route is first visited.
const feedbackPage = () => import("./feedback-page");
const ourConsent = () => import("./our-consent");
const ourFamilyPage = () => import("./our-family-page");

const parent = () => authedRoute;

export const familyViewRoutes = [
  createRoute({
    getParentRoute: parent,
    path: "/our-family",
    component: lazyRouteComponent(ourFamilyPage, "OurFamilyPage"),
  }),
  createRoute({
    getParentRoute: parent,
    path: "/our-family/$familyId",
    component: lazyRouteComponent(ourFamilyPage, "OurFamilyByIdPage"),
  }),
  createRoute({
    getParentRoute: parent,
    path: "/our-family/$familyId/consents/$consentId/withdraw",
    component: lazyRouteComponent(ourConsent, "OurConsentWithdrawPage"),
  }),
  createRoute({
    getParentRoute: parent,
    path: "/our-family/$familyId/feedback/$invitationId",
    component: lazyRouteComponent(feedbackPage, "FeedbackPage"),
  }),
] as const;
