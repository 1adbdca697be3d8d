import { z } from "zod";
import { signOffSubjects } from "../oversight/oversight-vocabulary";
import { safeLine } from "../shared/text.schema";

/**
 * The variables of the notices a case causes: meetings, consent withdrawn,
 * requests for help and sign-off. Ids, times and closed vocabularies only —
 * never a name, a worry, a reason or a plan. The words are made from these in
 * `render-case-notices.ts`.
 */
const isoInstant = z.iso.datetime({ offset: true });
const audience = z.enum(["staff", "family"]);

/**
 * What happened to a meeting, as the recipient sees it: booked, moved to
 * another time, they were added to it, it was cancelled, or they were taken
 * off it. The calendar's METHOD follows: CANCEL for the last two.
 */
export const meetingChanges = ["booked", "moved", "invited", "cancelled", "uninvited"] as const;
export type MeetingChange = (typeof meetingChanges)[number];

export const meetingInvitationVariables = z
  .strictObject({
    audience,
    /** Staff only, where the authority allows the family's name in emails (`notice_family_names`). */
    familyName: safeLine({ max: 200 }).optional(),
    change: z.enum(meetingChanges),
    familyId: z.uuid(),
    meetingId: z.uuid(),
    /** The meeting's calendar SEQUENCE after this change (0 when booked, one more each change). */
    sequence: z.number().int().min(0).max(1_000_000),
    startsAt: isoInstant,
    endsAt: isoInstant,
  })
  .refine((v) => v.audience === "staff" || v.familyName === undefined, {
    message: "a family is never sent its own name",
    path: ["familyName"],
  });

/** To a receiving agency's contact address: consent to share with them was withdrawn. */
export const consentWithdrawnVariables = z.strictObject({
  familyId: z.uuid(),
  withdrawnAt: isoInstant,
});

/** To the managers of the service asked: a request for help waits for triage. */
export const helpRequestReceivedVariables = z.strictObject({ requestId: z.uuid() });

export const helpRequestOutcomes = ["accepted", "signposted", "not_accepted"] as const;
export type HelpRequestOutcome = (typeof helpRequestOutcomes)[number];

/** To the person who asked: what became of the request. */
export const helpRequestOutcomeVariables = z.strictObject({
  audience,
  requestId: z.uuid(),
  outcome: z.enum(helpRequestOutcomes),
});

/** To the managers who may sign it off: an assessment, a closure or a plan waits for them. */
export const signOffWaitingVariables = z
  .strictObject({
    subject: z.enum(signOffSubjects),
    familyId: z.uuid(),
    /** The assessment's id, for its link; left out for closures and plans. */
    assessmentId: z.uuid().optional(),
  })
  .refine((v) => (v.subject === "assessment") === (v.assessmentId !== undefined), {
    message: "an assessment, and only an assessment, names its id",
    path: ["assessmentId"],
  });
