import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import type { AdminUser } from "../../api/types";
import { authedRoute } from "../../app/root-route";
import type { UserFilter } from "./admin-queries";

// Each page is its own chunk, fetched when its route is first visited.
const adminHomePage = () => import("./admin-home-page");
const agenciesPages = () => import("./agencies-pages");
const newUserPage = () => import("./new-user-page");
const retentionPages = () => import("./retention-pages");
const settingsPage = () => import("./settings-page");
const singleSignOnPage = () => import("./single-sign-on-page");
const subjectAccessPage = () => import("./subject-access-page");
const userPage = () => import("./user-page");
const usersPage = () => import("./users-page");

const roles: AdminUser["role"][] = [
  "practitioner",
  "manager",
  "administrator",
  "partnership_analyst",
  "family_member",
];
const statuses: AdminUser["status"][] = ["invited", "active", "deactivated"];

function pick<T extends string>(value: unknown, allowed: T[]): T | undefined {
  return allowed.find((a) => a === value);
}

const parent = () => authedRoute;

export const adminRoutes = [
  createRoute({
    getParentRoute: parent,
    path: "/admin",
    component: lazyRouteComponent(adminHomePage, "AdminHomePage"),
  }),
  createRoute({
    getParentRoute: parent,
    path: "/admin/agencies",
    component: lazyRouteComponent(agenciesPages, "AgenciesPage"),
  }),
  createRoute({
    getParentRoute: parent,
    path: "/admin/agencies/new",
    component: lazyRouteComponent(agenciesPages, "NewAgencyPage"),
  }),
  createRoute({
    getParentRoute: parent,
    path: "/admin/agencies/$agencyId",
    component: lazyRouteComponent(agenciesPages, "EditAgencyPage"),
  }),
  createRoute({
    getParentRoute: parent,
    path: "/admin/users",
    validateSearch: (search: Record<string, unknown>): UserFilter => ({
      q: typeof search.q === "string" && search.q ? search.q : undefined,
      role: pick(search.role, roles),
      status: pick(search.status, statuses),
    }),
    component: lazyRouteComponent(usersPage, "UsersPage"),
  }),
  createRoute({
    getParentRoute: parent,
    path: "/admin/users/new",
    component: lazyRouteComponent(newUserPage, "NewUserPage"),
  }),
  createRoute({
    getParentRoute: parent,
    path: "/admin/users/$userId",
    component: lazyRouteComponent(userPage, "UserPage"),
  }),
  createRoute({
    getParentRoute: parent,
    path: "/admin/retention",
    component: lazyRouteComponent(retentionPages, "RetentionReviewsPage"),
  }),
  createRoute({
    getParentRoute: parent,
    path: "/admin/retention/$familyId",
    component: lazyRouteComponent(retentionPages, "RetentionReviewPage"),
  }),
  createRoute({
    getParentRoute: parent,
    path: "/admin/retention/$familyId/erase",
    component: lazyRouteComponent(retentionPages, "EraseRecordPage"),
  }),
  createRoute({
    getParentRoute: parent,
    path: "/admin/subject-access",
    component: lazyRouteComponent(subjectAccessPage, "SubjectAccessPage"),
  }),
  createRoute({
    getParentRoute: parent,
    path: "/admin/settings",
    component: lazyRouteComponent(settingsPage, "SettingsPage"),
  }),
  createRoute({
    getParentRoute: parent,
    path: "/admin/single-sign-on",
    component: lazyRouteComponent(singleSignOnPage, "SingleSignOnPage"),
  }),
] as const;
