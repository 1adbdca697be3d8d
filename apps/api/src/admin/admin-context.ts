import { AppError } from "@teamaround/domain";
import type { Context } from "hono";
import type { ApiEnv } from "../app-env";
import { requireActor } from "../http/session";

/** The signed-in actor and their local authority: administration never reaches past it. */
export function requireAuthorityActor(c: Context<ApiEnv>) {
  const actor = requireActor(c);
  const user = c.var.user;
  if (!user) throw new AppError("unauthenticated", "Please sign in.");
  return { actor, authorityId: user.authorityId };
}
