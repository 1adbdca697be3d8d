import nodemailer from "nodemailer";
import { renderCalendar } from "./calendar";
import { NoticeSendError, type NoticeTransport, type OutgoingNotice } from "./transport";

export interface SmtpTransportOptions {
  smtpUrl: string;
  mailFrom: string;
  /** Parallel connections to the server; default 4. */
  maxConnections?: number;
  /** Give up on a silent server after this long (each of connect, greeting, socket); default 30 s. */
  timeoutMs?: number;
}

const safeCode = /^[A-Z][A-Z0-9_]{1,30}$/;

/**
 * What an SMTP failure may say in the outbox and the log: the reply code or
 * nodemailer's error code. A 5xx reply is permanent; anything else (a 4xx,
 * a refused or dropped connection, a timeout) is worth trying again.
 */
export function smtpFailure(error: unknown): NoticeSendError {
  const { responseCode, code } = (error ?? {}) as { responseCode?: unknown; code?: unknown };
  if (typeof responseCode === "number" && responseCode >= 400 && responseCode < 600) {
    return new NoticeSendError(`smtp ${responseCode}`, responseCode >= 500);
  }
  const name = typeof code === "string" && safeCode.test(code) ? code : "error";
  return new NoticeSendError(`smtp ${name}`, false);
}

/** Sends through an SMTP server (nodemailer, pooled connections). */
export function createSmtpTransport(options: SmtpTransportOptions): NoticeTransport {
  const timeout = options.timeoutMs ?? 30_000;
  const transporter = nodemailer.createTransport({
    url: options.smtpUrl,
    pool: true,
    maxConnections: options.maxConnections ?? 4,
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
  });
  return {
    name: "smtp",
    async send(message: OutgoingNotice) {
      try {
        await transporter.sendMail({
          from: options.mailFrom,
          to: message.to,
          subject: message.subject,
          text: message.body,
          messageId: message.messageId,
          date: message.now,
          headers: { "Auto-Submitted": "auto-generated", "X-Auto-Response-Suppress": "All" },
          // A meeting's invitation: nodemailer adds it as a text/calendar alternative
          // (with its METHOD), which calendar clients offer to add or update.
          ...(message.calendar
            ? {
                icalEvent: {
                  filename: "invitation.ics",
                  ...renderCalendar(message.calendar, {
                    organizer: options.mailFrom,
                    attendee: message.to,
                    stamp: message.now,
                  }),
                },
              }
            : {}),
        });
      } catch (error) {
        throw smtpFailure(error);
      }
    },
    async close() {
      transporter.close();
    },
  };
}
