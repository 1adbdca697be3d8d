import { createRoute } from "@hono/zod-openapi";
import { consents, type Executor } from "@teamaround/db";
import {
  AppError,
  authorize,
  canWithdrawConsent,
  notFound,
  revocationReasons,
} from "@teamaround/domain";
import { and, eq } from "drizzle-orm";
import type { ApiApp } from "../app-env";
import { recordAudit } from "../audit/record-audit";
import { publishAccessRevoked, publishFamilyChange } from "../events/publish-after-commit";
import { loadFamilyAccess, withAbilities } from "../families/family-access";
import { errorResponses, jsonBody, jsonResponse } from "../http/openapi";
import { requireActor } from "../http/session";
import { isoDay } from "../shared/dates";
import type { TeamChange } from "./commands/remove-memberships-without-basis";
import {
  notInForce,
  type WithdrawConsentResult,
  withdrawConsent,
} from "./commands/withdraw-consent";
import { isInForce } from "./consent-state";
import { ConsentParams, ConsentWithdrawalResult, WithdrawConsentBody } from "./consents.schema";
import { futureIssues, rejectIssues } from "./field-checks";
import { agencyNames, named } from "./lookups";
import { type ConsentView, listConsentViews } from "./present-consent";

const withdrawRoute = createRoute({
  method: "post",
  path: "/api/families/{familyId}/consents/{consentId}/withdraw",
  tags: ["Consent"],
  summary:
    "Withdraw consent: team members resting on it leave, receiving agencies are sent a notice",
  description:
    "A family member withdraws only the consent they gave. Practitioners whose membership rested on it leave the team unless another consent or lawful basis covers their agency.",
  request: { params: ConsentParams, body: jsonBody(WithdrawConsentBody) },
  responses: {
    200: jsonResponse(ConsentWithdrawalResult, "The withdrawn consent and what followed"),
    ...errorResponses(403, 404, 409, 422),
  },
});

/** When the withdrawal took effect: now, or a given time that is neither future nor before consent. */
function withdrawalTime(requested: string | undefined, obtainedAt: Date, now: Date): Date {
  if (requested === undefined) return now;
  const at = new Date(requested);
  const issues = futureIssues(at, now, "withdrawnAt");
  if (at < obtainedAt) {
    issues.push({ path: "withdrawnAt", message: "must not be before the consent was obtained" });
  }
  rejectIssues(issues, "The withdrawal cannot be recorded as it stands.");
  return at;
}

function auditDetails(reason: string, done: WithdrawConsentResult) {
  const ids = ({ membershipId, userId }: TeamChange) => ({ membershipId, userId });
  return {
    reason,
    removedMemberships: done.memberships.removed.map(ids),
    repointedMemberships: done.memberships.repointed.map(ids),
    notifiedAgencyIds: done.notifiedAgencyIds,
  };
}

async function presentWithdrawal(db: Executor, consent: ConsentView, done: WithdrawConsentResult) {
  const names = await agencyNames(db, done.notifiedAgencyIds);
  const person = ({ userId, name, agency }: TeamChange) => ({ userId, name, agency });
  return {
    consent,
    removedTeamMembers: done.memberships.removed.map(person),
    repointedTeamMembers: done.memberships.repointed.map(person),
    agenciesToTell: done.notifiedAgencyIds.map((id) => named(id, names)),
  };
}

export function registerWithdrawConsentRoutes(app: ApiApp): void {
  app.openapi(withdrawRoute, async (c) => {
    const actor = requireActor(c);
    const { familyId, consentId } = c.req.valid("param");
    const body = c.req.valid("json");
    const { db, now } = c.var.deps;
    const { access } = await loadFamilyAccess(db, actor, familyId);
    authorize(access, "consent", "withdraw");
    const [consent] = await db
      .select()
      .from(consents)
      .where(and(eq(consents.id, consentId), eq(consents.familyId, familyId)));
    if (!consent) throw notFound("That consent");
    if (!canWithdrawConsent(access, consent.givenByMemberId)) {
      throw new AppError("forbidden", "You may withdraw only the consent you gave.");
    }
    if (!isInForce(consent)) throw notInForce();
    const at = now();
    const withdrawnAt = withdrawalTime(body.withdrawnAt, consent.obtainedAt, at);
    const done = await db.transaction(async (tx) => {
      const input = {
        familyId,
        consentId,
        actorId: actor.userId,
        reason: body.reason,
        withdrawnAt,
      };
      const result = await withdrawConsent(tx, { ...input, now: at });
      await recordAudit(tx, c, {
        event: "consent.withdraw",
        familyId,
        resourceType: "consent",
        resourceId: consentId,
        details: auditDetails(body.reason, result),
      });
      return result;
    });
    const reasonShown = revocationReasons.consentWithdrawn;
    await publishAccessRevoked(c, { ...done.memberships.revokedAccess, reason: reasonShown });
    await publishFamilyChange(c, familyId, "consent", consentId, "updated");
    // The caller may have been in the team on this very consent, so reload their access.
    const { access: after } = await loadFamilyAccess(db, actor, familyId);
    const [view] = await listConsentViews(db, after, isoDay(at), { consentId });
    if (!view) throw new AppError("internal", "The consent was withdrawn but could not be read.");
    return c.json(withAbilities(await presentWithdrawal(db, view, done), after), 200);
  });
}
