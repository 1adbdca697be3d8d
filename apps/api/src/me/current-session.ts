import { AppError } from "@teamaround/domain";
import type { Context } from "hono";
import type { ApiEnv } from "../app-env";
import { requireActor } from "../http/session";

/** The fully signed-in actor with the session they are using now. */
export function requireCurrentSession(c: Context<ApiEnv>) {
  const actor = requireActor(c);
  const { session, user } = c.var;
  if (!session || !user) throw new AppError("unauthenticated", "Please sign in.");
  return { actor, session, user };
}
