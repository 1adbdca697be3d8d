import { auditEvents, families, feedbackAnswers } from "@teamaround/db";
import { buildMember, buildScenario, buildUser } from "@teamaround/db/testing";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, sessionCookieFor, startTestApi, type TestApi } from "../testing/test-api";
import { offerFeedback } from "./feedback-fixtures";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

const goodAnswer = {
  respected: 5,
  listenedTo: 4,
  helped: 4,
  wouldRecommend: 5,
  comment: "Sam really listened.",
  shareWithLead: true,
};

async function world() {
  const s = await buildScenario(api.deps.db);
  const invitation = await offerFeedback(api.deps.db, s.family.id, { occasion: "review" });
  const parent = await sessionCookieFor(api, s.users.parentUser.id);
  const base = `/api/families/${s.family.id}/feedback`;
  return { s, invitation, parent, base };
}

const answersOf = (familyId: string) =>
  api.deps.db.select().from(feedbackAnswers).where(eq(feedbackAnswers.familyId, familyId));

/** A second adult of the family with a portal account. */
async function secondCarer(familyId: string, authorityId: string) {
  const user = await buildUser(api.deps.db, { authorityId, role: "family_member" });
  const member = await buildMember(api.deps.db, {
    familyId,
    givenName: "Dale",
    familyName: "Carer",
    parentalResponsibility: true,
    userId: user.id,
  });
  return { member, cookie: await sessionCookieFor(api, user.id) };
}

describe("GET /api/families/{familyId}/feedback/open", () => {
  it("lists the invitations the family member has not answered, and audits the read", async () => {
    const { s, invitation, parent, base } = await world();
    const res = await call(api, "GET", `${base}/open`, { cookie: parent });
    expect(res.status).toBe(200);
    expect(res.json.data).toEqual([
      { id: invitation.id, occasion: "review", offeredAt: invitation.offeredAt.toISOString() },
    ]);
    expect(res.json.abilities.feedback).toEqual({ answer: true, read: false });
    await call(api, "POST", `${base}/${invitation.id}`, { cookie: parent, body: goodAnswer });
    const after = await call(api, "GET", `${base}/open`, { cookie: parent });
    expect(after.json.data).toEqual([]);
    const audit = await api.deps.db
      .select()
      .from(auditEvents)
      .where(
        and(eq(auditEvents.familyId, s.family.id), eq(auditEvents.event, "feedback.list_open")),
      );
    expect(audit).toHaveLength(2);
  });

  it("is for family members only: the lead is refused (403)", async () => {
    const { s, base } = await world();
    const res = await call(api, "GET", `${base}/open`, {
      cookie: await sessionCookieFor(api, s.users.lead.id),
    });
    expect(res.status).toBe(403);
  });
});

describe("POST /api/families/{familyId}/feedback/{invitationId}", () => {
  it("records the answer once per member; a second answer is 409 and changes nothing", async () => {
    const { s, invitation, parent, base } = await world();
    const res = await call(api, "POST", `${base}/${invitation.id}`, {
      cookie: parent,
      body: goodAnswer,
    });
    expect(res.status).toBe(201);
    expect(res.json.data).toMatchObject({ invitationId: invitation.id });
    const again = await call(api, "POST", `${base}/${invitation.id}`, {
      cookie: parent,
      body: { ...goodAnswer, respected: 1 },
    });
    expect(again.status).toBe(409);
    expect(again.json.error.code).toBe("conflict");
    const rows = await answersOf(s.family.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ respected: 5, memberId: s.members.parent.id });
  });

  it("lets each member of the family answer the same invitation", async () => {
    const { s, invitation, parent, base } = await world();
    const carer = await secondCarer(s.family.id, s.authority.id);
    expect(
      (await call(api, "POST", `${base}/${invitation.id}`, { cookie: parent, body: goodAnswer }))
        .status,
    ).toBe(201);
    expect(
      (
        await call(api, "POST", `${base}/${invitation.id}`, {
          cookie: carer.cookie,
          body: { ...goodAnswer, shareWithLead: false },
        })
      ).status,
    ).toBe(201);
    expect(await answersOf(s.family.id)).toHaveLength(2);
  });

  it("is offered after closure too", async () => {
    const { s, invitation, parent, base } = await world();
    await api.deps.db
      .update(families)
      .set({ status: "closed", closedAt: new Date(), closureReason: "outcomes_met" })
      .where(eq(families.id, s.family.id));
    const res = await call(api, "POST", `${base}/${invitation.id}`, {
      cookie: parent,
      body: goodAnswer,
    });
    expect(res.status).toBe(201);
  });

  it.each([
    ["a score of 0", { ...goodAnswer, respected: 0 }, "respected"],
    ["a score of 6", { ...goodAnswer, helped: 6 }, "helped"],
    ["a score that is not whole", { ...goodAnswer, listenedTo: 3.5 }, "listenedTo"],
    ["a score as text", { ...goodAnswer, wouldRecommend: "5" }, "wouldRecommend"],
    ["a missing question", { ...goodAnswer, respected: undefined }, "respected"],
    ["no answer about sharing", { ...goodAnswer, shareWithLead: undefined }, "shareWithLead"],
    ["a comment too long", { ...goodAnswer, comment: "x".repeat(2001) }, "comment"],
    ["a control character in the comment", { ...goodAnswer, comment: "a\u0000b" }, "comment"],
    ["an unknown field", { ...goodAnswer, memberId: "00000000-0000-4000-8000-000000000000" }, ""],
  ])("refuses %s with 400 and records nothing", async (_what, body, field) => {
    const { s, invitation, parent, base } = await world();
    const res = await call(api, "POST", `${base}/${invitation.id}`, { cookie: parent, body });
    expect(res.status).toBe(400);
    if (field) {
      expect(res.json.error.details).toContainEqual({ path: field, message: expect.any(String) });
    }
    expect(await answersOf(s.family.id)).toEqual([]);
  });

  it("answers 404 for another family's invitation, and records nothing", async () => {
    const { s, parent, base } = await world();
    const theirs = await offerFeedback(api.deps.db, s.otherFamily.id);
    const res = await call(api, "POST", `${base}/${theirs.id}`, {
      cookie: parent,
      body: goodAnswer,
    });
    expect(res.status).toBe(404);
    expect(await answersOf(s.otherFamily.id)).toEqual([]);
  });

  it("does not let the lead answer for the family (403)", async () => {
    const { s, invitation, base } = await world();
    const res = await call(api, "POST", `${base}/${invitation.id}`, {
      cookie: await sessionCookieFor(api, s.users.lead.id),
      body: goodAnswer,
    });
    expect(res.status).toBe(403);
    expect(await answersOf(s.family.id)).toEqual([]);
  });
});

describe("GET /api/families/{familyId}/feedback", () => {
  it("gives the lead figures over every answer, and by name only the shared ones", async () => {
    const { s, invitation, parent, base } = await world();
    const carer = await secondCarer(s.family.id, s.authority.id);
    await call(api, "POST", `${base}/${invitation.id}`, { cookie: parent, body: goodAnswer });
    await call(api, "POST", `${base}/${invitation.id}`, {
      cookie: carer.cookie,
      body: {
        respected: 3,
        listenedTo: 2,
        helped: 2,
        wouldRecommend: 3,
        comment: "Private",
        shareWithLead: false,
      },
    });
    const res = await call(api, "GET", base, {
      cookie: await sessionCookieFor(api, s.users.lead.id),
    });
    expect(res.status).toBe(200);
    expect(res.json.data).toMatchObject({
      invitations: 1,
      answers: 2,
      averages: { respected: 4, listenedTo: 3, helped: 3, wouldRecommend: 4 },
    });
    expect(res.json.data.shared).toEqual([
      expect.objectContaining({
        memberName: `${s.members.parent.givenName} ${s.members.parent.familyName}`,
        occasion: "review",
        respected: 5,
        comment: "Sam really listened.",
      }),
    ]);
    expect(JSON.stringify(res.json)).not.toContain("Private");
    expect(JSON.stringify(res.json)).not.toContain("Dale");
  });

  it("is read by the service manager, not by a team member (403) or the family (403)", async () => {
    const { s, parent, base } = await world();
    const manager = await sessionCookieFor(api, s.users.manager.id);
    expect((await call(api, "GET", base, { cookie: manager })).status).toBe(200);
    const teamMember = await sessionCookieFor(api, s.users.teamMember.id);
    expect((await call(api, "GET", base, { cookie: teamMember })).status).toBe(403);
    expect((await call(api, "GET", base, { cookie: parent })).status).toBe(403);
  });
});
