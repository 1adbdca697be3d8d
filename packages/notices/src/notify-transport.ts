import { createHmac } from "node:crypto";
import type { NoticeKind } from "@teamaround/domain";
import { NoticeSendError, type NoticeTransport, type OutgoingNotice } from "./transport";

export interface NotifyTransportOptions {
  /** `{key name}-{service id}-{secret key}`, as Notify issues it. */
  apiKey: string;
  /** https://api.notifications.service.gov.uk, or a stand-in in tests. */
  baseUrl: string;
  templates: Record<NoticeKind, string>;
  timeoutMs?: number;
}

const base64url = (value: string | Buffer) => Buffer.from(value).toString("base64url");

/** Notify's bearer token: a JWT signed with the secret key, `iss` the service id, `iat` now. */
export function notifyToken(apiKey: string, now: Date): string {
  const secret = apiKey.slice(-36);
  const serviceId = apiKey.slice(-73, -37);
  const header = base64url(JSON.stringify({ typ: "JWT", alg: "HS256" }));
  const claims = base64url(
    JSON.stringify({ iss: serviceId, iat: Math.floor(now.getTime() / 1000) }),
  );
  const signature = createHmac("sha256", secret).update(`${header}.${claims}`).digest("base64url");
  return `${header}.${claims}.${signature}`;
}

const safeName = /^[A-Za-z]{1,40}$/;

/** Notify's error name (e.g. `BadRequestError`), never its message, which may quote the address. */
async function notifyErrorName(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as { errors?: { error?: unknown }[] };
    const name = body.errors?.[0]?.error;
    return typeof name === "string" && safeName.test(name) ? name : "error";
  } catch {
    return "error";
  }
}

/**
 * Sends through GOV.UK Notify's REST API with plain fetch: one email per
 * notice, the kind's template filled with the notice's personalisation, and
 * `reference` the notice id. 400 and 403 will not change on a retry; 429 and
 * 5xx, or no answer, are tried again.
 */
export function createNotifyTransport(options: NotifyTransportOptions): NoticeTransport {
  const url = new URL("/v2/notifications/email", options.baseUrl).toString();
  return {
    name: "notify",
    async send(message: OutgoingNotice) {
      let response: Response;
      try {
        response = await fetch(url, {
          method: "POST",
          headers: {
            authorization: `Bearer ${notifyToken(options.apiKey, message.now)}`,
            "content-type": "application/json",
          },
          body: JSON.stringify({
            email_address: message.to,
            template_id: options.templates[message.kind],
            personalisation: message.personalisation,
            reference: message.noticeId,
          }),
          signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
        });
      } catch {
        throw new NoticeSendError("notify unreachable", false);
      }
      if (response.ok) {
        await response.body?.cancel();
        return;
      }
      const name = await notifyErrorName(response);
      const permanent = response.status === 400 || response.status === 403;
      throw new NoticeSendError(`notify ${response.status} ${name}`, permanent);
    },
    async close() {},
  };
}
