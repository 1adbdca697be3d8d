import type { NoticeSettings } from "@teamaround/config";
import type { Database } from "@teamaround/db";
import { createLocalTransport } from "./local-transport";
import { createNotifyTransport } from "./notify-transport";
import { createSmtpTransport } from "./smtp-transport";
import type { NoticeTransport } from "./transport";

/** The transport the validated configuration chose. */
export function createNoticeTransport(settings: NoticeSettings, db: Database): NoticeTransport {
  switch (settings.transport) {
    case "smtp":
      return createSmtpTransport({ smtpUrl: settings.smtpUrl, mailFrom: settings.mailFrom });
    case "notify":
      return createNotifyTransport(settings);
    case "local":
      return createLocalTransport({ db, mailFrom: settings.mailFrom });
  }
}
