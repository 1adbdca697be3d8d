import {
  createInvitation,
  createSession,
  createTotpKey,
  encodeTotpKey,
  totpCodeForStep,
  totpStep,
} from "@teamaround/auth";
import { users } from "@teamaround/db";
import { buildUser } from "@teamaround/db/testing";
import { eq } from "drizzle-orm";
import type { TestApi } from "../testing/test-api";
import type { SecurityWorld } from "./security-world";

/**
 * Values the account routes' cases make in `prepare` and send in `request`.
 * Each persona gets a world of its own, so keying by world keeps them apart.
 */
const prepared = new WeakMap<SecurityWorld, string>();

function take(world: SecurityWorld): string {
  const value = prepared.get(world);
  if (!value) throw new Error("prepare did not run for this world");
  return value;
}

/** A working set-password link for a new invited account. */
export async function prepareInvitation(api: TestApi, world: SecurityWorld) {
  const invited = await buildUser(api.deps.db, {
    authorityId: world.authority.id,
    role: "practitioner",
    agencyId: world.agencies.school.id,
    status: "invited",
  });
  const { token } = await createInvitation(api.deps.db, {
    userId: invited.id,
    createdBy: world.users.administrator.id,
    now: api.clock.now,
  });
  prepared.set(world, token);
}
export const invitationToken = take;

/** A second session of the lead professional: only they may end it. */
export async function prepareLeadSession(api: TestApi, world: SecurityWorld) {
  const { session } = await createSession(
    api.deps.db,
    world.users.lead.id,
    { ipAddress: null, userAgent: "other device", twoFactorVerified: true },
    api.deps.config.sessionPolicy,
    api.clock.now,
  );
  prepared.set(world, session.id);
}
export const leadSessionId = take;

/** A pending TOTP key on every account of the world, and a code valid for it now. */
export async function preparePendingTotp(api: TestApi, world: SecurityWorld) {
  const key = createTotpKey();
  await api.deps.db
    .update(users)
    .set({ totpPendingKey: encodeTotpKey(key) })
    .where(eq(users.authorityId, world.authority.id));
  prepared.set(world, totpCodeForStep(key, totpStep(api.clock.now)));
}
export const pendingTotpCode = take;

export async function deactivate(api: TestApi, userId: string) {
  await api.deps.db
    .update(users)
    .set({ status: "deactivated", deactivatedAt: api.clock.now })
    .where(eq(users.id, userId));
}
