export { createNoticeTransport } from "./create-transport";
export { createLocalTransport } from "./local-transport";
export { createNotifyTransport, notifyToken } from "./notify-transport";
export {
  createNoticeScheduler,
  type NoticeScheduler,
  type NoticeSchedulerOptions,
} from "./scheduler";
export { createSmtpTransport, smtpFailure } from "./smtp-transport";
export { NoticeSendError, type NoticeTransport, type OutgoingNotice } from "./transport";
export { createNoticeWorker, type NoticeWorker, type NoticeWorkerOptions } from "./worker";
