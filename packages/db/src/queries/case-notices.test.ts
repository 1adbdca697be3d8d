import { randomUUID } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../client";
import { helpRequests, notices, users } from "../schema";
import { buildScenario, buildUser, openTestDatabase } from "../testing";
import {
  enqueueHelpRequestOutcome,
  enqueueSignOffWaiting,
  listServiceManagerIds,
  listSignOffManagerIds,
} from "./case-notices";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(() => handle.close());

const now = new Date();

describe("who hears of sign-off and requests", () => {
  it("the managers of the case's service and the lead's line manager, active, never the submitter", async () => {
    const s = await buildScenario(handle.db);
    const a = s.authority.id;
    const lineManager = await buildUser(handle.db, {
      authorityId: a,
      role: "manager",
      agencyId: s.agencies.health.id,
    });
    await handle.db
      .update(users)
      .set({ managerId: lineManager.id })
      .where(eq(users.id, s.users.lead.id));
    const gone = await buildUser(handle.db, {
      authorityId: a,
      role: "manager",
      agencyId: s.agencies.school.id,
      status: "deactivated",
    });
    const otherService = await buildUser(handle.db, {
      authorityId: a,
      role: "manager",
      agencyId: s.agencies.housing.id,
    });
    const managers = await listSignOffManagerIds(handle.db, s.family.id, s.users.lead.id);
    expect(managers.sort()).toEqual([s.users.manager.id, lineManager.id].sort());
    expect(managers).not.toContain(gone.id);
    expect(managers).not.toContain(otherService.id);
    expect(await listSignOffManagerIds(handle.db, s.family.id, s.users.manager.id)).toEqual([
      lineManager.id,
    ]);
    expect(await listServiceManagerIds(handle.db, s.agencies.school.id, null)).toEqual([
      s.users.manager.id,
    ]);
  });

  it("writes one notice per manager per submission, in the app and by email", async () => {
    const s = await buildScenario(handle.db);
    const input = {
      authorityId: s.authority.id,
      familyId: s.family.id,
      subject: "closure" as const,
      key: `closure:${randomUUID()}`,
      createdBy: s.users.lead.id,
      now,
    };
    expect(await enqueueSignOffWaiting(handle.db, input)).toEqual([s.users.manager.id]);
    await enqueueSignOffWaiting(handle.db, input);
    const rows = await handle.db
      .select()
      .from(notices)
      .where(
        and(eq(notices.recipientUserId, s.users.manager.id), eq(notices.kind, "sign_off_waiting")),
      );
    expect(rows.map((r) => r.channel).sort()).toEqual(["email", "in_app"]);
    expect(rows[0]?.variables).toEqual({ subject: "closure", familyId: s.family.id });
  });

  it("tells the asker the outcome, and a family member who asked at their address in plain words", async () => {
    const s = await buildScenario(handle.db);
    const [request] = await handle.db
      .insert(helpRequests)
      .values({
        authorityId: s.authority.id,
        receivingAgencyId: s.agencies.school.id,
        familyName: "The Ashdown family",
        requesterKind: "family",
        requesterName: "Taylor Ashdown",
        requesterEmail: "taylor@example.test",
        requestedOn: "2030-01-10",
        worries: "Money is tight",
        familyKnows: true,
        familyAgrees: true,
        createdBy: s.users.outsider.id,
      })
      .returning();
    if (!request) throw new Error("no request");
    await enqueueHelpRequestOutcome(handle.db, request, {
      outcome: "not_accepted",
      decidedBy: s.users.manager.id,
      now,
    });
    const rows = await handle.db
      .select()
      .from(notices)
      .where(
        and(
          eq(notices.kind, "help_request_outcome"),
          inArray(notices.authorityId, [s.authority.id]),
        ),
      );
    const toFamily = rows.find((r) => r.recipientAddress === "taylor@example.test");
    expect(toFamily?.variables).toEqual({
      requestId: request.id,
      outcome: "not_accepted",
      audience: "family",
    });
    expect(toFamily?.familyId).toBeNull();
    const toAsker = rows.filter((r) => r.recipientUserId === s.users.outsider.id);
    expect(toAsker.map((r) => r.variables.audience)).toEqual(["staff", "staff"]);
  });
});
