import type { CalendarInvitation, NoticeKind } from "@teamaround/domain";

/** One message ready to leave: addressed, in words, with the idempotency keys of each transport. */
export interface OutgoingNotice {
  noticeId: string;
  authorityId: string;
  kind: NoticeKind;
  to: string;
  /** The account it reaches, if any (the local outbox shows it to them in demo mode). */
  recipientUserId: string | null;
  subject: string;
  body: string;
  /** What a GOV.UK Notify template fills its placeholders with. */
  personalisation: Record<string, string>;
  /**
   * A meeting's calendar entry (UID, SEQUENCE, METHOD), or null. SMTP sends
   * it as a text/calendar part; Notify and the local outbox carry the words only.
   */
  calendar?: CalendarInvitation | null;
  /** `<notice id@host>`: the same notice always carries the same Message-ID. */
  messageId: string;
  now: Date;
}

/** How notices leave the service. `send` throws a `NoticeSendError` when it could not. */
export interface NoticeTransport {
  readonly name: "local" | "smtp" | "notify";
  send(message: OutgoingNotice): Promise<void>;
  close(): Promise<void>;
}

/**
 * A send that did not happen. `reason` is safe to store and log: a status or
 * an error code, never a server's reply (which may quote the address).
 * `permanent`: trying again cannot help (a refused address, a bad template).
 */
export class NoticeSendError extends Error {
  constructor(
    readonly reason: string,
    readonly permanent: boolean,
  ) {
    super(reason);
    this.name = "NoticeSendError";
  }
}
