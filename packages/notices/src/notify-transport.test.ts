import { createHmac } from "node:crypto";
import { auditEvents, type DatabaseHandle, enqueueNotice, notices } from "@teamaround/db";
import { buildAuthority, buildUser, openTestDatabase } from "@teamaround/db/testing";
import { type NoticeKind, noticeKinds } from "@teamaround/domain";
import { and, eq } from "drizzle-orm";
import pino from "pino";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createNotifyTransport } from "./notify-transport";
import { type NotifyStandIn, startNotifyStandIn } from "./testing";
import { createNoticeWorker } from "./worker";

const serviceId = "26785a09-ab16-4eb0-8407-a37497a57506";
const secret = "3d844edf-8d35-48ac-975b-e847b4f122b0";
const apiKey = `teamaround_test-${serviceId}-${secret}`;
// A template id for every kind (each kind added later gets one), these three named.
const templates: Record<NoticeKind, string> = {
  ...(Object.fromEntries(
    noticeKinds.map((kind, i) => [kind, `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`]),
  ) as Record<NoticeKind, string>),
  staff_invitation: "f33517ff-2a88-4f6e-b855-c550268ce08a",
  family_invitation: "0a5a6b6a-6c35-4d4a-8f0e-6f1d7c9a3c11",
  password_changed: "9b3c1e40-4f3e-4a3c-bb6e-2f0d5b7e8a21",
};
const clock = { now: new Date("2031-02-01T10:00:00.000Z") };
let handle: DatabaseHandle;
let notify: NotifyStandIn;

// Its own database on PostgreSQL too: the worker claims every due notice.
beforeAll(async () => {
  handle = await openTestDatabase({ isolated: true });
});
afterAll(() => handle.close());
beforeEach(async () => {
  notify = await startNotifyStandIn();
  clock.now = new Date(clock.now.getTime() + 86_400_000);
});
afterEach(() => notify.close());

function worker() {
  return createNoticeWorker({
    db: handle.db,
    transport: createNotifyTransport({ apiKey, baseUrl: notify.url, templates }),
    logger: pino({ level: "silent" }),
    publicOrigin: "https://teamaround.test",
    now: () => clock.now,
    random: () => 0,
  });
}

async function passwordChanged() {
  const authority = await buildAuthority(handle.db);
  const user = await buildUser(handle.db, { authorityId: authority.id, role: "practitioner" });
  const created = await enqueueNotice(handle.db, {
    authorityId: authority.id,
    recipient: { userId: user.id },
    content: {
      kind: "password_changed",
      variables: { audience: "staff", changedAt: "2031-01-01T12:30:00.000Z" },
    },
    dueAt: clock.now,
  });
  if (!created) throw new Error("not enqueued");
  return { id: created.id, user };
}

async function noticeRow(id: string) {
  const [row] = await handle.db.select().from(notices).where(eq(notices.id, id));
  if (!row) throw new Error("no notice");
  return row;
}

function verifyJwt(authorization: string) {
  const [scheme, jwt] = authorization.split(" ");
  expect(scheme).toBe("Bearer");
  const [header, claims, signature] = (jwt ?? "").split(".");
  const expected = createHmac("sha256", secret).update(`${header}.${claims}`).digest("base64url");
  expect(signature).toBe(expected);
  return JSON.parse(Buffer.from(claims ?? "", "base64url").toString("utf8"));
}

describe("GOV.UK Notify", () => {
  it("sends the kind's template with its personalisation, the notice id as reference", async () => {
    const { id, user } = await passwordChanged();
    const running = worker();
    expect(await running.runOnce()).toBe(1);
    await running.stop();

    expect(notify.requests).toHaveLength(1);
    const [request] = notify.requests;
    expect(request?.path).toBe("/v2/notifications/email");
    expect(verifyJwt(request?.authorization ?? "")).toEqual({
      iss: serviceId,
      iat: Math.floor(clock.now.getTime() / 1000),
    });
    expect(request?.body).toEqual({
      email_address: user.email,
      template_id: templates.password_changed,
      personalisation: {
        changed_at: "1 January 2031 at 12:30pm",
        link: "https://teamaround.test/",
      },
      reference: id,
    });
    expect(await noticeRow(id)).toMatchObject({ status: "sent" });
    const audit = await handle.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.resourceId, id), eq(auditEvents.event, "notice.sent")));
    expect(audit[0]?.details).toMatchObject({ transport: "notify", kind: "password_changed" });
  });

  it("tries again after a server error or rate limit, with the same reference", async () => {
    const { id } = await passwordChanged();
    notify.answerNext(500, 429);
    const running = worker();
    await running.runOnce();
    expect(await noticeRow(id)).toMatchObject({
      status: "pending",
      lastError: "notify 500 Exception",
    });
    clock.now = new Date(clock.now.getTime() + 60_000);
    await running.runOnce();
    expect(await noticeRow(id)).toMatchObject({ lastError: "notify 429 RateLimitError" });
    clock.now = new Date(clock.now.getTime() + 120_000);
    await running.runOnce();
    await running.stop();
    expect(await noticeRow(id)).toMatchObject({ status: "sent", attempts: 3 });
    expect(notify.requests.map((r) => r.body.reference)).toEqual([id, id, id]);
  });

  it("gives up on a refused request, keeping Notify's error name but never its message", async () => {
    const { id } = await passwordChanged();
    notify.answerNext(400);
    const running = worker();
    await running.runOnce();
    await running.stop();
    const row = await noticeRow(id);
    expect(row).toMatchObject({ status: "failed", lastError: "notify 400 BadRequestError" });
    expect(row.lastError).not.toContain("@");
  });

  it("retries when Notify does not answer at all", async () => {
    const { id } = await passwordChanged();
    await notify.close();
    const running = worker();
    await running.runOnce();
    await running.stop();
    expect(await noticeRow(id)).toMatchObject({
      status: "pending",
      lastError: "notify unreachable",
    });
    notify = await startNotifyStandIn();
  });
});
