import { createRoute } from "@tanstack/react-router";
import type { AdminUser } from "../../api/types";
import { authedRoute } from "../../app/root-route";
import { AdminHomePage } from "./admin-home-page";
import type { UserFilter } from "./admin-queries";
import { AgenciesPage, EditAgencyPage, NewAgencyPage } from "./agencies-pages";
import { NewUserPage } from "./new-user-page";
import { SettingsPage } from "./settings-page";
import { UserPage } from "./user-page";
import { UsersPage } from "./users-page";

const roles: AdminUser["role"][] = ["practitioner", "manager", "administrator", "family_member"];
const statuses: AdminUser["status"][] = ["invited", "active", "deactivated"];

function pick<T extends string>(value: unknown, allowed: T[]): T | undefined {
  return allowed.find((a) => a === value);
}

const parent = () => authedRoute;

export const adminRoutes = [
  createRoute({ getParentRoute: parent, path: "/admin", component: AdminHomePage }),
  createRoute({ getParentRoute: parent, path: "/admin/agencies", component: AgenciesPage }),
  createRoute({ getParentRoute: parent, path: "/admin/agencies/new", component: NewAgencyPage }),
  createRoute({
    getParentRoute: parent,
    path: "/admin/agencies/$agencyId",
    component: EditAgencyPage,
  }),
  createRoute({
    getParentRoute: parent,
    path: "/admin/users",
    validateSearch: (search: Record<string, unknown>): UserFilter => ({
      q: typeof search.q === "string" && search.q ? search.q : undefined,
      role: pick(search.role, roles),
      status: pick(search.status, statuses),
    }),
    component: UsersPage,
  }),
  createRoute({ getParentRoute: parent, path: "/admin/users/new", component: NewUserPage }),
  createRoute({ getParentRoute: parent, path: "/admin/users/$userId", component: UserPage }),
  createRoute({ getParentRoute: parent, path: "/admin/settings", component: SettingsPage }),
] as const;
