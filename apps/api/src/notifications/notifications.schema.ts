import { z } from "@hono/zod-openapi";
import {
  DigestTime,
  GlobalAbilitiesSchema,
  hasChanges,
  noChangesIssue,
  noticeKinds,
  optionalEmailNoticeKinds,
} from "@teamaround/domain";
import { uuidParam } from "../http/openapi";

export const NotificationSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(noticeKinds),
    title: z.string().describe("What happened, with no case content"),
    summary: z.string().nullable(),
    createdAt: z.string(),
    read: z.boolean(),
    link: z
      .string()
      .nullable()
      .describe(
        "Where the thing is shown; null when there is none or it is no longer yours to see",
      ),
    accessEnded: z
      .boolean()
      .describe("It is about a family the person may no longer see: no detail, no link"),
    familyName: z.string().nullable().describe("The family, while the person may see it"),
    actionText: z.string().nullable().describe("The action's words, while the person may see it"),
  })
  .openapi("Notification");

export const NotificationsQuery = z
  .strictObject({
    beforeAt: z.iso
      .datetime({ offset: true })
      .optional()
      .describe("With beforeId: the page after this notice (pass `next`)"),
    beforeId: z.uuid().optional(),
  })
  .refine((q) => (q.beforeAt === undefined) === (q.beforeId === undefined), {
    message: "beforeAt and beforeId come together",
    path: ["beforeId"],
  });

const UnreadCount = z.object({ unreadCount: z.int().min(0) });

export const NotificationsPage = z
  .object({
    data: z.array(NotificationSchema),
    unreadCount: z.int().min(0),
    next: z
      .object({ beforeAt: z.string(), beforeId: z.uuid() })
      .nullable()
      .describe("The query for the next page; null on the last"),
    abilities: GlobalAbilitiesSchema,
  })
  .openapi("NotificationsPage");

export const UnreadCountResponse = z.object({ data: UnreadCount }).openapi("UnreadNotifications");

export const NotificationParams = z.object({ noticeId: uuidParam("noticeId") });

export const NoFields = z.strictObject({}).openapi("NoNotificationFields");

export const NoticePreferencesSchema = z
  .object({
    digestTime: z.string().describe('When the daily digest comes, "HH:MM" in UK time'),
    emailOff: z.array(z.enum(optionalEmailNoticeKinds)),
    optionalKinds: z
      .array(z.enum(optionalEmailNoticeKinds))
      .describe("The kinds that may be turned off by email; every other kind always comes"),
  })
  .openapi("NoticePreferences");

export const NoticePreferencesResponse = z
  .object({ data: NoticePreferencesSchema, abilities: GlobalAbilitiesSchema })
  .openapi("NoticePreferencesResponse");

export const UpdateNoticePreferencesBody = z
  .strictObject({
    digestTime: DigestTime.optional(),
    emailOff: z
      .array(z.enum(optionalEmailNoticeKinds))
      .max(optionalEmailNoticeKinds.length)
      .optional()
      .describe("Replaces the set of optional kinds not wanted by email"),
  })
  .refine(hasChanges, noChangesIssue)
  .openapi("UpdateNoticePreferences");
