import { randomUUID } from "node:crypto";
import { type DatabaseHandle, enqueueNotice } from "@teamaround/db";
import {
  buildAgency,
  buildAuthority,
  buildFamily,
  buildUser,
  openTestDatabase,
} from "@teamaround/db/testing";
import type { MeetingChange } from "@teamaround/domain";
import pino from "pino";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { parseMailbox } from "./calendar";
import { createSmtpTransport } from "./smtp-transport";
import { calendarInvitations, startTestSmtpServer, type TestSmtpServer } from "./testing";
import { createNoticeWorker } from "./worker";

const origin = "https://teamaround.test";
let handle: DatabaseHandle;
let smtp: TestSmtpServer;
const clock = { now: new Date("2032-03-01T09:00:00.000Z") };

// Its own database on PostgreSQL too: the worker claims every due notice.
beforeAll(async () => {
  handle = await openTestDatabase({ isolated: true });
});
afterAll(() => handle.close());
beforeEach(async () => {
  smtp = await startTestSmtpServer();
});
afterEach(() => smtp.close());

async function sendAll() {
  const worker = createNoticeWorker({
    db: handle.db,
    transport: createSmtpTransport({
      smtpUrl: smtp.url,
      mailFrom: "Teamaround <teamaround@council.example>",
      timeoutMs: 20_000,
    }),
    logger: pino({ level: "silent" }),
    publicOrigin: origin,
    now: () => clock.now,
  });
  while ((await worker.runOnce()) > 0) {}
  await worker.stop();
}

describe("a meeting invitation over SMTP", () => {
  it("carries a text/calendar part a parser reads: METHOD, UID, SEQUENCE, UTC times, the room", async () => {
    const authority = await buildAuthority(handle.db);
    const agency = await buildAgency(handle.db, { authorityId: authority.id });
    const lead = await buildUser(handle.db, {
      authorityId: authority.id,
      role: "practitioner",
      agencyId: agency.id,
    });
    const family = await buildFamily(handle.db, { lead, displayName: "The Quillfeather family" });
    const meetingId = randomUUID();
    const write = (change: MeetingChange, sequence: number) =>
      handle.db.transaction((tx) =>
        enqueueNotice(tx, {
          authorityId: authority.id,
          familyId: family.id,
          recipient: { userId: lead.id },
          content: {
            kind: "meeting_invitation",
            variables: {
              audience: "staff",
              change,
              familyId: family.id,
              meetingId,
              sequence,
              startsAt: "2032-03-08T10:30:00.000Z",
              endsAt: "2032-03-08T11:30:00.000Z",
            },
          },
          dueAt: clock.now,
        }),
      );
    await write("booked", 0);
    await sendAll();
    await write("cancelled", 1);
    await sendAll();

    const [booked, cancelled] = await smtp.waitFor(2);
    if (!booked || !cancelled) throw new Error("no mail");
    const [request] = calendarInvitations(booked.parsed);
    const room = `${origin}/families/${family.id}/meetings/${meetingId}/room`;
    expect(request).toMatchObject({
      method: "REQUEST",
      uid: `${meetingId}@teamaround.test`,
      sequence: 0,
      status: "CONFIRMED",
      utc: true,
      summary: "Team Around the Family meeting",
      url: room,
      location: room,
      organizer: "mailto:teamaround@council.example",
      attendees: [`mailto:${lead.email}`],
    });
    expect(request?.contentType).toContain("method=REQUEST");
    expect(request?.start?.toISOString()).toBe("2032-03-08T10:30:00.000Z");
    expect(request?.end?.toISOString()).toBe("2032-03-08T11:30:00.000Z");
    expect(request?.description).toContain(room);
    expect(booked.parsed.text).toContain(room);

    const [cancel] = calendarInvitations(cancelled.parsed);
    expect(cancel).toMatchObject({
      method: "CANCEL",
      uid: request?.uid,
      sequence: 1,
      status: "CANCELLED",
    });
    expect(cancel?.contentType).toContain("method=CANCEL");

    for (const mail of [booked, cancelled]) {
      const all = `${mail.parsed.subject} ${mail.parsed.text} ${calendarInvitations(mail.parsed)
        .map((part) => part.text)
        .join(" ")}`;
      expect(all).not.toContain("Quillfeather");
      expect(all).not.toContain(family.reference);
    }
  });

  it("reads the service's sending address as the organizer", () => {
    expect(parseMailbox("Teamaround <notices@council.gov.uk>")).toEqual({
      name: "Teamaround",
      email: "notices@council.gov.uk",
    });
    expect(parseMailbox("notices@council.gov.uk")).toEqual({
      name: "Teamaround",
      email: "notices@council.gov.uk",
    });
  });
});
