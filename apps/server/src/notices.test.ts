import { buildScenario } from "@teamaround/db/testing";
import { startTestSmtpServer, type TestSmtpServer } from "@teamaround/notices/testing";
import { cookieFor, testOrigin } from "@teamaround/realtime/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { http, startTestServer, type TestServer } from "./testing/test-server";

let smtp: TestSmtpServer;
let server: TestServer;
beforeAll(async () => {
  smtp = await startTestSmtpServer();
  server = await startTestServer({
    isolatedDatabase: true,
    notices: {
      transport: "smtp",
      smtpUrl: smtp.url,
      mailFrom: "Teamaround <teamaround@council.example>",
    },
  });
});
afterAll(async () => {
  await server.close();
  await smtp.close();
});

describe("the composed server sends notices", () => {
  it("emails a staff invitation through SMTP from the worker it started, and stops it on close", async () => {
    const s = await buildScenario(server.handle.db);
    const admin = await cookieFor(server.handle.db, s.users.administrator.id);
    const tag = Math.random().toString(36).slice(2, 10);
    const email = `new.${tag}@example.test`;
    const created = await http(server, "POST", "/api/users", {
      cookie: admin,
      body: {
        email,
        displayName: `New ${tag}`,
        role: "practitioner",
        agencyId: s.agencies.school.id,
      },
    });
    expect(created.status).toBe(201);
    // SMTP sends it: the inviter is not shown the link.
    expect((created.json as { invitation: object }).invitation).toEqual({
      expiresAt: expect.any(String),
    });

    const [mail] = await smtp.waitFor(1, 30_000);
    expect(mail?.envelopeTo).toEqual([email]);
    expect(mail?.parsed.subject).toBe("Set your Teamaround password");
    expect(mail?.parsed.text).toMatch(new RegExp(`${testOrigin}/set-password\\?token=[a-z2-7]+`));
    expect(server.teamaround.notices).not.toBeNull();
  });
});
