import { z } from "@hono/zod-openapi";
import { noticeKinds } from "@teamaround/domain";

export const OutboxMessageSchema = z
  .object({
    noticeId: z.uuid(),
    kind: z.enum(noticeKinds),
    to: z.string(),
    from: z.string(),
    messageId: z.string(),
    subject: z.string(),
    body: z.string(),
    storedAt: z.string(),
  })
  .openapi("OutboxMessage");

export const OutboxQuery = z.strictObject({
  before: z.iso
    .datetime({ offset: true })
    .optional()
    .describe("Only messages kept before this moment: pass `nextBefore` for the next page"),
});

export const OutboxPage = z.object({
  data: z.array(OutboxMessageSchema),
  nextBefore: z.string().nullable().describe("Pass as `before` for the next page"),
});

export const AdminOutboxPage = OutboxPage.extend({
  transport: z
    .enum(["local", "smtp", "notify"])
    .describe("How this service sends notices; only `local` keeps messages here"),
}).openapi("AdminOutboxPage");
