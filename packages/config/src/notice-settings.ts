import { type NoticeKind, noticeKinds } from "@teamaround/domain";
import { z } from "zod";

/**
 * How notices leave the service (DESIGN §4b): kept in the local outbox (the
 * default, so the embedded demo needs no mail server), sent over SMTP, or
 * through GOV.UK Notify. Chosen by `NOTICE_TRANSPORT`, or by which of
 * `SMTP_URL` and `NOTIFY_API_KEY` is set.
 */
export type NoticeSettings =
  | { transport: "local"; mailFrom: string }
  | { transport: "smtp"; smtpUrl: string; mailFrom: string }
  | {
      transport: "notify";
      apiKey: string;
      baseUrl: string;
      /** The Notify template of each notice kind. */
      templates: Record<NoticeKind, string>;
    };

export const noticeTransports = ["local", "smtp", "notify"] as const;

const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;
const mailbox = /^([^<>\r\n]{1,100} <)?[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+>?$/;

/** `NOTIFY_TEMPLATE_STAFF_INVITATION` and so on, one per notice kind. */
export const notifyTemplateVariable = (kind: NoticeKind) => `NOTIFY_TEMPLATE_${kind.toUpperCase()}`;

export const noticeEnvironmentShape = {
  NOTICE_TRANSPORT: z.enum(noticeTransports).optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^\s]+$/, "must be an smtp:// or smtps:// URL")
    .optional(),
  MAIL_FROM: z
    .string()
    .regex(mailbox, "must be an address such as Teamaround <teamaround@example.gov.uk>")
    .optional(),
  NOTIFY_API_KEY: z
    .string()
    .regex(
      new RegExp(`^[A-Za-z0-9_-]+-${uuid.source}-${uuid.source}$`),
      "must be a GOV.UK Notify API key (its name, then the service id and the secret)",
    )
    .optional(),
  NOTIFY_BASE_URL: z
    .url({ protocol: /^https?$/, message: "must be an http(s) URL" })
    .default("https://api.notifications.service.gov.uk"),
};

type NoticeEnvironment = Partial<z.infer<z.ZodObject<typeof noticeEnvironmentShape>>>;
const templateId = new RegExp(`^${uuid.source}$`);

const problem = (variable: string, message: string) => `  ${variable}: ${message}`;

/**
 * The chosen transport and its settings, or the lines naming what is wrong.
 * `env` is the parsed environment; the template ids are read from `source`.
 */
export function resolveNoticeSettings(
  env: NoticeEnvironment,
  source: Record<string, string | undefined>,
): { ok: true; settings: NoticeSettings } | { ok: false; problems: string[] } {
  const transport =
    env.NOTICE_TRANSPORT ?? (env.SMTP_URL ? "smtp" : env.NOTIFY_API_KEY ? "notify" : "local");
  if (!env.NOTICE_TRANSPORT && env.SMTP_URL && env.NOTIFY_API_KEY) {
    return {
      ok: false,
      problems: [
        problem(
          "NOTICE_TRANSPORT",
          "say smtp or notify when both SMTP_URL and NOTIFY_API_KEY are set",
        ),
      ],
    };
  }
  if (transport === "smtp") {
    const problems = [
      ...(env.SMTP_URL ? [] : [problem("SMTP_URL", "required when notices go by SMTP")]),
      ...(env.MAIL_FROM
        ? []
        : [problem("MAIL_FROM", "required with SMTP_URL: the address emails come from")]),
    ];
    if (problems.length > 0 || !env.SMTP_URL || !env.MAIL_FROM) return { ok: false, problems };
    return { ok: true, settings: { transport, smtpUrl: env.SMTP_URL, mailFrom: env.MAIL_FROM } };
  }
  if (transport === "notify") {
    const missing = noticeKinds.map(notifyTemplateVariable).flatMap((name) => {
      const value = source[name];
      if (!value)
        return [problem(name, "required with NOTIFY_API_KEY: the template's id in Notify")];
      return templateId.test(value) ? [] : [problem(name, "must be a GOV.UK Notify template id")];
    });
    const problems = [
      ...(env.NOTIFY_API_KEY
        ? []
        : [problem("NOTIFY_API_KEY", "required when notices go by Notify")]),
      ...missing,
    ];
    if (problems.length > 0 || !env.NOTIFY_API_KEY) return { ok: false, problems };
    const templates = Object.fromEntries(
      noticeKinds.map((kind) => [kind, source[notifyTemplateVariable(kind)] ?? ""]),
    ) as Record<NoticeKind, string>;
    return {
      ok: true,
      settings: {
        transport,
        apiKey: env.NOTIFY_API_KEY,
        baseUrl: env.NOTIFY_BASE_URL ?? "https://api.notifications.service.gov.uk",
        templates,
      },
    };
  }
  return {
    ok: true,
    settings: {
      transport: "local",
      mailFrom: env.MAIL_FROM ?? "Teamaround <notices@teamaround.invalid>",
    },
  };
}
