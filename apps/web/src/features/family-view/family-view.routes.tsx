import { createRoute } from "@tanstack/react-router";
import { authedRoute } from "../../app/root-route";
import { OurConsentWithdrawPage } from "./our-consent";
import { OurFamilyByIdPage, OurFamilyPage } from "./our-family-page";

const parent = () => authedRoute;

export const familyViewRoutes = [
  createRoute({ getParentRoute: parent, path: "/our-family", component: OurFamilyPage }),
  createRoute({
    getParentRoute: parent,
    path: "/our-family/$familyId",
    component: OurFamilyByIdPage,
  }),
  createRoute({
    getParentRoute: parent,
    path: "/our-family/$familyId/consents/$consentId/withdraw",
    component: OurConsentWithdrawPage,
  }),
] as const;
