import { buildScenario, type Scenario } from "@teamaround/db/testing";
import {
  calendarInvitations,
  type ReceivedMail,
  startTestSmtpServer,
  type TestSmtpServer,
} from "@teamaround/notices/testing";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { sendDueNotices } from "../testing/send-due-notices";
import {
  call,
  sessionCookieFor,
  startTestApi,
  type TestApi,
  testOrigin,
} from "../testing/test-api";

let api: TestApi;
let smtp: TestSmtpServer;
// A database of its own: the worker here sends every due notice in it.
beforeAll(async () => {
  api = await startTestApi({ isolatedDatabase: true });
});
afterAll(() => api.close());
beforeEach(async () => {
  smtp = await startTestSmtpServer();
});
afterEach(async () => {
  await smtp.close();
  api.clock.now = new Date();
});

const day = 86_400_000;
const inDays = (days: number) => new Date(api.clock.now.getTime() + days * day).toISOString();
const meetingsPath = (s: Scenario) => `/api/families/${s.family.id}/meetings`;

const sendNotices = () => sendDueNotices(api, smtp.url);

const to = (address: string) => (mail: ReceivedMail) => mail.envelopeTo.includes(address);

/** The words a family's mail must never carry: names, the reference, the meeting's own words. */
function caseContent(s: Scenario) {
  return [
    s.family.displayName,
    s.family.reference,
    s.members.parent.familyName,
    s.members.child.givenName,
    "Riverside Family Hub",
    "Interpreter booked",
    "What is working well",
    "Worries at school",
  ];
}

function expectNoCaseContent(s: Scenario, mail: ReceivedMail) {
  const words = [
    mail.parsed.subject,
    mail.parsed.text,
    ...mail.parsed.headerLines.map((h) => h.line),
    ...calendarInvitations(mail.parsed).map((part) => part.text),
  ].join("\n");
  for (const content of caseContent(s)) expect(words).not.toContain(content);
}

async function book(s: Scenario, cookie: string) {
  const res = await call(api, "POST", meetingsPath(s), {
    cookie,
    body: {
      kind: "initial",
      scheduledFor: inDays(7),
      location: "Riverside Family Hub",
      notes: "Interpreter booked",
      agenda: [{ title: "What is working well" }, { title: "Worries at school" }],
      invitees: [{ userId: s.users.teamMember.id }, { memberId: s.members.parent.id }],
    },
  });
  expect(res.status).toBe(201);
  return res.json.data as { id: string; version: number; scheduledFor: string };
}

describe("calendar invitations for meetings", () => {
  it("books, moves and cancels with one UID, a rising SEQUENCE and METHOD:CANCEL last", async () => {
    const s = await buildScenario(api.deps.db);
    const cookie = await sessionCookieFor(api, s.users.lead.id);
    const meeting = await book(s, cookie);
    await sendNotices();
    const addresses = [s.users.lead.email, s.users.teamMember.email, s.users.parentUser.email];
    await smtp.waitFor(3);

    const moved = await call(api, "PATCH", `${meetingsPath(s)}/${meeting.id}`, {
      cookie,
      body: { version: meeting.version, scheduledFor: inDays(9) },
    });
    expect(moved.status).toBe(200);
    await sendNotices();
    await smtp.waitFor(6);

    const cancelled = await call(api, "POST", `${meetingsPath(s)}/${meeting.id}/cancel`, {
      cookie,
      body: { version: moved.json.data.version },
    });
    expect(cancelled.status).toBe(200);
    await sendNotices();
    await smtp.waitFor(9);

    const room = `${testOrigin}/families/${s.family.id}/meetings/${meeting.id}/room`;
    const page = `${testOrigin}/families/${s.family.id}/meetings#meeting-${meeting.id}`;
    for (const address of addresses) {
      const mails = smtp.received.filter(to(address));
      expect(mails).toHaveLength(3);
      const parts = mails.map((mail) => {
        const [part] = calendarInvitations(mail.parsed);
        if (!part) throw new Error(`no calendar part in a mail to ${address}`);
        return part;
      });
      expect(parts.map((p) => p.uid)).toEqual(Array(3).fill(`${meeting.id}@teamaround.test`));
      expect(parts.map((p) => p.sequence)).toEqual([0, 1, 2]);
      expect(parts.map((p) => p.method)).toEqual(["REQUEST", "REQUEST", "CANCEL"]);
      expect(parts[2]?.status).toBe("CANCELLED");
      expect(parts.every((p) => p.utc)).toBe(true);
      // iCalendar times are whole seconds.
      const second = (iso: string) => Math.floor(new Date(iso).getTime() / 1000) * 1000;
      expect(parts[0]?.start?.getTime()).toBe(second(meeting.scheduledFor));
      expect(parts[1]?.start?.getTime()).toBe(second(moved.json.data.scheduledFor));
      expect(parts[1]?.end?.getTime()).toBe(second(moved.json.data.scheduledFor) + 3_600_000);
      for (const [index, part] of parts.entries()) {
        // The cancellation points where the meeting is listed (the parent: their family's page).
        const link =
          index < 2
            ? room
            : address === s.users.parentUser.email
              ? `${testOrigin}/our-family/${s.family.id}`
              : page;
        expect(part).toMatchObject({
          url: link,
          location: link,
          summary: "Team Around the Family meeting",
          organizer: "mailto:teamaround@council.example",
          attendees: [`mailto:${address}`],
        });
      }
      expect(mails[0]?.parsed.text).toContain(room);
      for (const mail of mails) expectNoCaseContent(s, mail);
    }
    // The parent is written to in plain words.
    const [toParent] = smtp.received.filter(to(s.users.parentUser.email));
    expect(toParent?.parsed.subject).toBe("You are invited to a family meeting");
    expect(toParent?.parsed.text).not.toMatch(/Team Around|practitioner|lead professional/);
  });

  it("ends the entry when the meeting ends, and tells everyone when its length changes", async () => {
    const s = await buildScenario(api.deps.db);
    const cookie = await sessionCookieFor(api, s.users.lead.id);
    const booked = await call(api, "POST", meetingsPath(s), {
      cookie,
      body: {
        kind: "review",
        scheduledFor: inDays(5),
        durationMinutes: 90,
        agenda: [{ title: "What is working well" }],
        invitees: [{ userId: s.users.teamMember.id }],
      },
    });
    expect(booked.status).toBe(201);
    expect(booked.json.data.durationMinutes).toBe(90);
    const meeting = booked.json.data as { id: string; version: number; scheduledFor: string };
    // Lengths the form does not offer are refused at the edge, and change nothing.
    for (const durationMinutes of [0, 20, 50, 195, 60.5, "60"]) {
      const refused = await call(api, "PATCH", `${meetingsPath(s)}/${meeting.id}`, {
        cookie,
        body: { version: meeting.version, durationMinutes },
      });
      expect(refused.status).toBe(400);
    }
    const shorter = await call(api, "PATCH", `${meetingsPath(s)}/${meeting.id}`, {
      cookie,
      body: { version: meeting.version, durationMinutes: 30 },
    });
    expect(shorter.status).toBe(200);
    expect(shorter.json.data).toMatchObject({
      durationMinutes: 30,
      scheduledFor: meeting.scheduledFor,
    });
    // The same length again is no move: nobody is told.
    const same = await call(api, "PATCH", `${meetingsPath(s)}/${meeting.id}`, {
      cookie,
      body: { version: shorter.json.data.version, durationMinutes: 30 },
    });
    expect(same.status).toBe(200);
    await sendNotices();
    const mails = await smtp.waitFor(4);
    expect(mails).toHaveLength(4);
    const start = Math.floor(new Date(meeting.scheduledFor).getTime() / 1000) * 1000;
    for (const address of [s.users.lead.email, s.users.teamMember.email]) {
      const parts = smtp.received
        .filter(to(address))
        .flatMap((mail) => calendarInvitations(mail.parsed))
        .sort((a, b) => (a.sequence ?? 0) - (b.sequence ?? 0));
      expect(parts.map((p) => [p.method, p.sequence])).toEqual([
        ["REQUEST", 0],
        ["REQUEST", 1],
      ]);
      expect(parts.map((p) => (p.end?.getTime() ?? 0) - start)).toEqual([5_400_000, 1_800_000]);
    }
    const moved = smtp.received.filter((mail) => mail.parsed.subject?.startsWith("Moved:"));
    expect(moved).toHaveLength(2);
  });

  it("books an hour when no length is given", async () => {
    const s = await buildScenario(api.deps.db);
    const meeting = await book(s, await sessionCookieFor(api, s.users.lead.id));
    const read = await call(api, "GET", `${meetingsPath(s)}/${meeting.id}`, {
      cookie: await sessionCookieFor(api, s.users.lead.id),
    });
    expect(read.json.data.durationMinutes).toBe(60);
    await sendNotices();
    await smtp.waitFor(3);
  });

  it("tells the added and the removed when invitees change, and nobody when only the agenda does", async () => {
    const s = await buildScenario(api.deps.db);
    const cookie = await sessionCookieFor(api, s.users.lead.id);
    const meeting = await book(s, cookie);
    await sendNotices();
    await smtp.waitFor(3);

    const agenda = await call(api, "PATCH", `${meetingsPath(s)}/${meeting.id}`, {
      cookie,
      body: { version: meeting.version, agenda: [{ title: "Worries at school" }] },
    });
    expect(agenda.status).toBe(200);
    const changed = await call(api, "PATCH", `${meetingsPath(s)}/${meeting.id}`, {
      cookie,
      body: { version: agenda.json.data.version, invitees: [{ memberId: s.members.parent.id }] },
    });
    expect(changed.status).toBe(200);
    await sendNotices();
    await smtp.waitFor(4);
    expect(smtp.received).toHaveLength(4);
    const [removed] = smtp.received.slice(3);
    expect(removed?.envelopeTo).toEqual([s.users.teamMember.email]);
    const [part] = calendarInvitations(removed?.parsed ?? ({ attachments: [] } as never));
    expect(part).toMatchObject({
      method: "CANCEL",
      sequence: 1,
      uid: `${meeting.id}@teamaround.test`,
    });
  });

  it("sends the cancellation of a booked meeting when the case steps up and closes", async () => {
    const s = await buildScenario(api.deps.db);
    const cookie = await sessionCookieFor(api, s.users.lead.id);
    const meeting = await book(s, cookie);
    await sendNotices();
    await smtp.waitFor(3);

    const steppedUp = await call(api, "POST", `/api/families/${s.family.id}/step-up`, {
      cookie,
      body: { version: s.family.version, note: "Worries at school have grown" },
    });
    expect(steppedUp.status).toBe(200);
    await sendNotices();
    const mails = await smtp.waitFor(6);
    const cancellations = mails.slice(3).flatMap((mail) => calendarInvitations(mail.parsed));
    expect(cancellations).toHaveLength(3);
    for (const part of cancellations) {
      expect(part).toMatchObject({
        method: "CANCEL",
        sequence: 1,
        uid: `${meeting.id}@teamaround.test`,
      });
    }
    for (const mail of mails) expectNoCaseContent(s, mail);
  });
});
