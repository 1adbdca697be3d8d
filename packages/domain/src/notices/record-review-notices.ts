import { z } from "zod";
import { noticeDay, type RenderContext, type RenderedNotice } from "./render-notice";

/**
 * After a meeting ends, each person who attended is asked to confirm its
 * record or comment, within a week. Ids and the closing date only.
 */
export const meetingRecordReviewVariables = z.strictObject({
  audience: z.enum(["staff", "family"]),
  familyId: z.uuid(),
  meetingId: z.uuid(),
  respondBy: z.iso.datetime({ offset: true }),
});

const signOff = "Teamaround\n\nThis email was sent automatically. Replies are not read.";

/** The held meeting's page, at its confirm-or-comment form. */
export function meetingRecordPath(familyId: string, meetingId: string): string {
  return `/families/${familyId}/meetings/${meetingId}/room#record-response`;
}

export function renderMeetingRecordReview(
  v: z.infer<typeof meetingRecordReviewVariables>,
  context: RenderContext,
): RenderedNotice {
  const link = `${context.publicOrigin}${meetingRecordPath(v.familyId, v.meetingId)}`;
  const by = noticeDay(v.respondBy);
  const family = v.audience === "family";
  const subject = family
    ? "Please check the notes of your family meeting"
    : "Please confirm the record of a Team Around the Family meeting";
  const lead = family
    ? "Thank you for coming to your family's meeting. The notes of what happened and what was agreed are ready."
    : "The record of a Team Around the Family meeting you attended is ready.";
  const ask = family
    ? `Please read them and tell us they are right, or tell us what is missing or wrong, by ${by}:\n${link}`
    : `Confirm it is accurate, or add a comment, by ${by}:\n${link}`;
  return {
    subject,
    body: [lead, ask, signOff].join("\n\n"),
    personalisation: { subject, respond_by: by, link },
  };
}
