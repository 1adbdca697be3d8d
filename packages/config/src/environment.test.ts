import { noticeKinds } from "@teamaround/domain";
import { describe, expect, it } from "vitest";
import { parseEnvironment } from "./index";
import { notifyTemplateVariable } from "./notice-settings";

describe("parseEnvironment", () => {
  it("fills the defaults of the zero-setup start", () => {
    expect(parseEnvironment({})).toMatchObject({
      PORT: 3000,
      HOST: "127.0.0.1",
      DATA_DIR: "./data",
      NODE_ENV: "development",
      PUBLIC_ORIGIN: "http://127.0.0.1:3000",
    });
  });

  it("names the variable that is wrong", () => {
    expect(() => parseEnvironment({ PORT: "eighty" })).toThrow(/PORT/);
    expect(() => parseEnvironment({ DATABASE_URL: "mysql://x" })).toThrow(/DATABASE_URL/);
    expect(() => parseEnvironment({ REDIS_URL: "http://x" })).toThrow(/REDIS_URL/);
  });

  it("requires PUBLIC_ORIGIN in production and keeps only the origin", () => {
    expect(() => parseEnvironment({ NODE_ENV: "production" })).toThrow(/PUBLIC_ORIGIN/);
    const env = parseEnvironment({
      NODE_ENV: "production",
      PUBLIC_ORIGIN: "https://tac.example.gov.uk/x",
    });
    expect(env.PUBLIC_ORIGIN).toBe("https://tac.example.gov.uk");
  });
});

describe("notice settings", () => {
  const serviceId = "26785a09-ab16-4eb0-8407-a37497a57506";
  const secret = "3d844edf-8d35-48ac-975b-e847b4f122b0";
  // A template id for every kind (each kind added later gets one), these three named.
  const templates = {
    ...Object.fromEntries(
      noticeKinds.map((kind, i) => [
        notifyTemplateVariable(kind),
        `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
      ]),
    ),
    NOTIFY_TEMPLATE_STAFF_INVITATION: "f33517ff-2a88-4f6e-b855-c550268ce08a",
    NOTIFY_TEMPLATE_FAMILY_INVITATION: "0a5a6b6a-6c35-4d4a-8f0e-6f1d7c9a3c11",
    NOTIFY_TEMPLATE_PASSWORD_CHANGED: "9b3c1e40-4f3e-4a3c-bb6e-2f0d5b7e8a21",
  };

  it("keeps notices in the local outbox when nothing is set", () => {
    expect(parseEnvironment({}).notices).toMatchObject({ transport: "local" });
  });

  it("sends by SMTP when SMTP_URL is set, and needs MAIL_FROM with it", () => {
    expect(() => parseEnvironment({ SMTP_URL: "smtp://mail.example.gov.uk:587" })).toThrow(
      /MAIL_FROM: required/,
    );
    const env = parseEnvironment({
      SMTP_URL: "smtp://mail.example.gov.uk:587",
      MAIL_FROM: "Teamaround <teamaround@example.gov.uk>",
    });
    expect(env.notices).toEqual({
      transport: "smtp",
      smtpUrl: "smtp://mail.example.gov.uk:587",
      mailFrom: "Teamaround <teamaround@example.gov.uk>",
    });
  });

  it("names a wrong SMTP_URL or MAIL_FROM", () => {
    expect(() => parseEnvironment({ SMTP_URL: "http://mail" })).toThrow(/SMTP_URL/);
    expect(() => parseEnvironment({ MAIL_FROM: "not an address" })).toThrow(/MAIL_FROM/);
    expect(() => parseEnvironment({ NOTICE_TRANSPORT: "smtp" })).toThrow(/SMTP_URL: required/);
  });

  it("sends through GOV.UK Notify with a template for every kind", () => {
    const key = `teamaround_live-${serviceId}-${secret}`;
    expect(() => parseEnvironment({ NOTIFY_API_KEY: key })).toThrow(
      /NOTIFY_TEMPLATE_STAFF_INVITATION: required/,
    );
    expect(() =>
      parseEnvironment({
        NOTIFY_API_KEY: key,
        ...templates,
        NOTIFY_TEMPLATE_PASSWORD_CHANGED: "x",
      }),
    ).toThrow(/NOTIFY_TEMPLATE_PASSWORD_CHANGED: must be/);
    expect(() => parseEnvironment({ NOTIFY_API_KEY: "secret" })).toThrow(/NOTIFY_API_KEY/);
    const env = parseEnvironment({ NOTIFY_API_KEY: key, ...templates });
    expect(env.notices).toMatchObject({
      transport: "notify",
      baseUrl: "https://api.notifications.service.gov.uk",
      templates: { password_changed: templates.NOTIFY_TEMPLATE_PASSWORD_CHANGED },
    });
  });

  it("asks which to use when both SMTP and Notify are set", () => {
    const both = {
      SMTP_URL: "smtp://mail.example.gov.uk",
      MAIL_FROM: "teamaround@example.gov.uk",
      NOTIFY_API_KEY: `k-${serviceId}-${secret}`,
      ...templates,
    };
    expect(() => parseEnvironment(both)).toThrow(/NOTICE_TRANSPORT/);
    expect(parseEnvironment({ ...both, NOTICE_TRANSPORT: "smtp" }).notices.transport).toBe("smtp");
  });

  it("never repeats a secret in its message", () => {
    const smtpUrl = "smtp://user:hunter2@mail";
    expect(() => parseEnvironment({ SMTP_URL: smtpUrl, NOTICE_TRANSPORT: "notify" })).toThrow();
    try {
      parseEnvironment({ SMTP_URL: "smtp://user:hunter2 @mail" });
    } catch (error) {
      expect(String(error)).not.toContain("hunter2");
    }
  });
});
