import { randomUUID } from "node:crypto";
import { createGuestInvitation } from "@teamaround/auth";
import {
  type DatabaseHandle,
  families,
  localAuthorities,
  users as usersTable,
} from "@teamaround/db";
import {
  buildMeeting,
  buildScenario,
  buildUser,
  openTestDatabase,
  type Scenario,
} from "@teamaround/db/testing";
import { type DocumentKind, formatDocumentName } from "@teamaround/domain";
import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  type Client,
  connectClient,
  cookieFor,
  outcome,
  serverText,
  startTestRealtime,
  type TestRealtime,
  text,
  waitFor,
  write,
} from "../testing/test-realtime";

let handle: DatabaseHandle;
let server: TestRealtime;
const clients: Client[] = [];

beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(async () => {
  await handle.close();
});
beforeEach(async () => {
  server = await startTestRealtime(handle.db);
});
afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  await server.close();
});

function connect(name: string, cookie: string | null, origin?: string): Client {
  const client = connectClient(server.url, name, cookie, origin ? { origin } : {});
  clients.push(client);
  return client;
}

const personas = [
  "lead",
  "teamMember",
  "manager",
  "administrator",
  "outsider",
  "parent",
  "otherParent",
  "analyst",
  "guest",
  "guestWriter",
  "anonymous",
  "expired",
] as const;
type Persona = (typeof personas)[number];

/** rw read-write, ro read-only, or the close code a refused persona gets. */
const expected: Record<Persona, Record<DocumentKind, "rw" | "ro" | number>> = {
  lead: { plan: "rw", voice: "rw", notes: "rw" },
  teamMember: { plan: "rw", voice: "rw", notes: "rw" },
  manager: { plan: "ro", voice: "ro", notes: "ro" },
  administrator: { plan: 4404, voice: 4404, notes: 4404 },
  outsider: { plan: 4404, voice: 4404, notes: 4404 },
  parent: { plan: "ro", voice: "rw", notes: 4403 },
  otherParent: { plan: 4404, voice: 4404, notes: 4404 },
  // Aggregate figures only: no family's document exists for the partnership analyst.
  analyst: { plan: 4404, voice: 4404, notes: 4404 },
  // A guest partner in their meeting: the plan only, written only if the lead allowed it.
  guest: { plan: "ro", voice: 4404, notes: 4404 },
  guestWriter: { plan: "rw", voice: 4404, notes: 4404 },
  anonymous: { plan: 4401, voice: 4401, notes: 4401 },
  expired: { plan: 4401, voice: 4401, notes: 4401 },
};

/** A guest partner invited to a meeting of the scenario's family, the way the API invites one. */
async function inviteGuest(scenario: Scenario, mayWrite: boolean) {
  const meeting = await buildMeeting(handle.db, {
    familyId: scenario.family.id,
    chairUserId: scenario.users.lead.id,
  });
  const { guest } = await createGuestInvitation(handle.db, {
    authorityId: scenario.authority.id,
    familyId: scenario.family.id,
    meetingId: meeting.id,
    name: "Dr Asha Patel",
    organisation: "Riverside Surgery",
    email: "asha.patel@surgery.example.nhs.uk",
    roleWords: "GP",
    mayWrite,
    expiresAt: new Date(Date.now() + 86_400_000),
    createdBy: scenario.users.lead.id,
    now: new Date(),
  });
  return guest;
}

async function cookieAs(scenario: Scenario, persona: Persona): Promise<string | null> {
  const { users } = scenario;
  const db = handle.db;
  switch (persona) {
    case "anonymous":
      return null;
    case "expired":
      return cookieFor(db, users.lead.id, { at: new Date(Date.now() - 13 * 60 * 60 * 1000) });
    case "parent":
      return cookieFor(db, users.parentUser.id);
    case "otherParent":
      return cookieFor(db, users.otherParentUser.id);
    case "analyst": {
      const analyst = await buildUser(db, {
        authorityId: scenario.authority.id,
        role: "partnership_analyst",
        agencyId: null,
      });
      return cookieFor(db, analyst.id);
    }
    case "guest":
    case "guestWriter":
      return cookieFor(db, (await inviteGuest(scenario, persona === "guestWriter")).userId);
    default:
      return cookieFor(db, users[persona].id);
  }
}

const cases = personas.flatMap((persona) =>
  (["plan", "voice", "notes"] as const).map((kind) => ({
    persona,
    kind,
    want: expected[persona][kind],
  })),
);

describe("who may open which document", () => {
  it.each(cases)("$persona on $kind: $want", async ({ persona, kind, want }) => {
    const scenario = await buildScenario(handle.db);
    const name = formatDocumentName({ kind, familyId: scenario.family.id });
    const client = connect(name, await cookieAs(scenario, persona));
    const result = await outcome(client);
    if (typeof want === "number") {
      expect(result).toMatchObject({ code: want });
      // The stock provider stops retrying on 44xx codes.
      await waitFor(() => !client.provider.shouldConnect, "the provider to give up");
      expect(server.realtime.stats().loadedDocuments).toBe(0);
      return;
    }
    expect(result).toBe("synced");
    write(client, 0, `written by ${persona}`);
    if (want === "rw") {
      await waitFor(
        () => serverText(server.realtime, name) === `written by ${persona}`,
        "the write",
      );
    } else {
      await waitFor(() => server.realtime.stats().droppedWrites > 0, "the write to be dropped");
      expect(serverText(server.realtime, name)).toBe("");
    }
  });
});

describe("read-only documents", () => {
  it("drops a family member's write to the plan and keeps their write to their voice", async () => {
    const { family, users } = await buildScenario(handle.db);
    const plan = formatDocumentName({ kind: "plan", familyId: family.id });
    const voice = formatDocumentName({ kind: "voice", familyId: family.id });
    const leadCookie = await cookieFor(handle.db, users.lead.id);
    const parentCookie = await cookieFor(handle.db, users.parentUser.id);
    const leadPlan = connect(plan, leadCookie);
    const leadVoice = connect(voice, leadCookie);
    const parentPlan = connect(plan, parentCookie);
    const parentVoice = connect(voice, parentCookie);
    await Promise.all([leadPlan, leadVoice, parentPlan, parentVoice].map((c) => c.synced));

    write(leadPlan, 0, "What needs to happen");
    await waitFor(() => text(parentPlan) === "What needs to happen", "the parent to read the plan");

    write(parentPlan, 0, "I rewrote the plan. ");
    write(parentVoice, 0, "In my words");
    await waitFor(() => text(leadVoice) === "In my words", "the parent's voice to arrive");
    await waitFor(
      () => server.realtime.stats().droppedWrites === 1,
      "the plan write to be dropped",
    );
    expect(serverText(server.realtime, plan)).toBe("What needs to happen");
    expect(text(leadPlan)).toBe("What needs to happen");

    // Still connected: the parent keeps receiving the team's changes.
    write(leadPlan, 0, "Reviewed. ");
    await waitFor(
      () => text(parentPlan).includes("Reviewed. "),
      "updates to keep reaching the parent",
    );
    expect(text(leadPlan)).toBe("Reviewed. What needs to happen");
  });

  it("makes every document of a closed case read-only, even for the lead", async () => {
    const { family, users } = await buildScenario(handle.db);
    await handle.db.update(families).set({ status: "closed" }).where(eq(families.id, family.id));
    const name = formatDocumentName({ kind: "notes", familyId: family.id });
    const lead = connect(name, await cookieFor(handle.db, users.lead.id));
    await lead.synced;
    write(lead, 0, "after closure");
    await waitFor(() => server.realtime.stats().droppedWrites === 1, "the write to be dropped");
    expect(serverText(server.realtime, name)).toBe("");
  });
});

describe("refusals", () => {
  it("refuses a handshake from another origin", async () => {
    const { family, users } = await buildScenario(handle.db);
    const name = formatDocumentName({ kind: "plan", familyId: family.id });
    const client = connect(name, await cookieFor(handle.db, users.lead.id), "https://evil.example");
    expect(await outcome(client)).toEqual({ code: 4403, reason: "origin not allowed" });
  });

  it("refuses a session still waiting for its second factor", async () => {
    const { family, users } = await buildScenario(handle.db);
    await handle.db
      .update(usersTable)
      .set({ totpKey: "c2VjcmV0c2VjcmV0c2VjcmV0" })
      .where(eq(usersTable.id, users.lead.id));
    const name = formatDocumentName({ kind: "plan", familyId: family.id });
    const cookie = await cookieFor(handle.db, users.lead.id, { twoFactorVerified: false });
    expect(await outcome(connect(name, cookie))).toEqual({
      code: 4401,
      reason: "second factor required",
    });
  });

  it("refuses staff whose authority requires a second factor they have not set up", async () => {
    const { family, users } = await buildScenario(handle.db);
    await handle.db
      .update(localAuthorities)
      .set({ requireStaffTotp: true })
      .where(eq(localAuthorities.id, users.lead.authorityId));
    const name = formatDocumentName({ kind: "plan", familyId: family.id });
    const cookie = await cookieFor(handle.db, users.lead.id);
    expect(await outcome(connect(name, cookie))).toEqual({
      code: 4401,
      reason: "two-step verification must be set up first",
    });
  });

  it("answers unknown document for names that are not documents and families that do not exist", async () => {
    const { users } = await buildScenario(handle.db);
    const cookie = await cookieFor(handle.db, users.lead.id);
    for (const name of ["minutes:abc", "plan:not-a-uuid", `plan:${randomUUID()}`]) {
      expect(await outcome(connect(name, cookie))).toEqual({
        code: 4404,
        reason: "unknown document",
      });
    }
  });

  it("closes a person's connections when their access is removed, leaving others open", async () => {
    const { family, users } = await buildScenario(handle.db);
    const name = formatDocumentName({ kind: "plan", familyId: family.id });
    const lead = connect(name, await cookieFor(handle.db, users.lead.id));
    const member = connect(name, await cookieFor(handle.db, users.teamMember.id));
    await Promise.all([lead.synced, member.synced]);
    const closed = server.realtime.closeConnectionsFor(
      { userId: users.teamMember.id, familyId: family.id },
      "you left the team",
    );
    expect(closed).toBe(1);
    expect(await member.closed).toEqual({ code: 4403, reason: "you left the team" });
    write(lead, 0, "still here");
    await waitFor(
      () => serverText(server.realtime, name) === "still here",
      "the lead to keep editing",
    );
    expect(server.realtime.closeConnectionsFor({}, "nobody")).toBe(0);
  });

  it("limits how many documents one person may have open", async () => {
    await server.close();
    server = await startTestRealtime(handle.db, { maxConnectionsPerUser: 2 });
    const { family, users } = await buildScenario(handle.db);
    const cookie = await cookieFor(handle.db, users.lead.id);
    const open = (["plan", "voice"] as const).map((kind) =>
      connect(formatDocumentName({ kind, familyId: family.id }), cookie),
    );
    await Promise.all(open.map((c) => c.synced));
    const third = connect(formatDocumentName({ kind: "notes", familyId: family.id }), cookie);
    expect(await outcome(third)).toEqual({ code: 4429, reason: "too many open documents" });
  });
});
