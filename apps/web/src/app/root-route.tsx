import type { QueryClient } from "@tanstack/react-query";
import { createRootRouteWithContext, createRoute, Outlet, redirect } from "@tanstack/react-router";
import { isUnauthenticated } from "../api/errors";
import type { Me } from "../api/types";
import { AppLayout } from "../components/layout/app-layout";
import { meQuery } from "./session";

export interface RouterContext {
  queryClient: QueryClient;
}

export const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: AppLayout,
});

/** Loads who is signed in, or sends the person to sign in and back here afterwards. */
export async function requireMe(queryClient: QueryClient, href: string): Promise<Me> {
  try {
    return (await queryClient.ensureQueryData(meQuery)).data;
  } catch (error) {
    if (isUnauthenticated(error)) throw redirect({ to: "/sign-in", search: { next: href } });
    throw error;
  }
}

const enrolmentPath = "/account/two-step-verification";

/** Everything behind sign-in. Staff who must set up two-step verification do that first. */
export const authedRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: "_authed",
  beforeLoad: async ({ context, location }) => {
    const me = await requireMe(context.queryClient, location.href);
    if (me.totpEnrolmentRequired && location.pathname !== enrolmentPath) {
      throw redirect({ to: enrolmentPath });
    }
    return { me };
  },
  component: Outlet,
});

/** Where each person starts: their own family, their service (managers), the figures (analysts), their caseload, or administration. */
export function homeFor(
  me: Me,
  abilities: {
    family: { list_mine: boolean };
    user: { manage: boolean };
    manager_workspace: { read: boolean };
    figures: { read: boolean };
  },
): string {
  if (me.role === "family_member") return "/our-family";
  // A guest partner has one meeting and nothing else.
  if (me.role === "guest") return "/guest-meeting";
  if (abilities.manager_workspace.read) return "/dashboard";
  // The partnership analyst: figures only.
  if (abilities.figures.read && !abilities.family.list_mine) return "/reports";
  if (abilities.family.list_mine) return "/my-work";
  if (abilities.user.manage) return "/admin";
  return "/account/sessions";
}
