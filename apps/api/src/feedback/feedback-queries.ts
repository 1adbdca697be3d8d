import { type Executor, familyMembers, feedbackAnswers, feedbackInvitations } from "@teamaround/db";
import { notFound, summariseFeedback } from "@teamaround/domain";
import { and, count, desc, eq, notExists } from "drizzle-orm";

/** The family's invitations this member has not answered yet, newest first. */
export async function listOpenInvitations(db: Executor, familyId: string, memberId: string) {
  const answered = db
    .select({ id: feedbackAnswers.id })
    .from(feedbackAnswers)
    .where(
      and(
        eq(feedbackAnswers.invitationId, feedbackInvitations.id),
        eq(feedbackAnswers.memberId, memberId),
      ),
    );
  const rows = await db
    .select()
    .from(feedbackInvitations)
    .where(and(eq(feedbackInvitations.familyId, familyId), notExists(answered)))
    .orderBy(desc(feedbackInvitations.offeredAt), desc(feedbackInvitations.id));
  return rows.map((r) => ({
    id: r.id,
    occasion: r.occasion,
    offeredAt: r.offeredAt.toISOString(),
  }));
}

/** One invitation of this family; another family's answers 404. */
export async function getInvitation(db: Executor, familyId: string, invitationId: string) {
  const [row] = await db
    .select()
    .from(feedbackInvitations)
    .where(
      and(eq(feedbackInvitations.id, invitationId), eq(feedbackInvitations.familyId, familyId)),
    );
  if (!row) throw notFound("That invitation");
  return row;
}

/**
 * What the family said, for the lead and managers: counts and averages over
 * every answer, and by name only the answers their member chose to share.
 */
export async function loadFamilyFeedback(db: Executor, familyId: string) {
  const [offered] = await db
    .select({ n: count() })
    .from(feedbackInvitations)
    .where(eq(feedbackInvitations.familyId, familyId));
  const rows = await db
    .select({
      answer: feedbackAnswers,
      occasion: feedbackInvitations.occasion,
      givenName: familyMembers.givenName,
      familyName: familyMembers.familyName,
    })
    .from(feedbackAnswers)
    .innerJoin(
      feedbackInvitations,
      and(
        eq(feedbackInvitations.id, feedbackAnswers.invitationId),
        eq(feedbackInvitations.familyId, feedbackAnswers.familyId),
      ),
    )
    .innerJoin(familyMembers, eq(familyMembers.id, feedbackAnswers.memberId))
    .where(eq(feedbackAnswers.familyId, familyId))
    .orderBy(desc(feedbackAnswers.answeredAt), desc(feedbackAnswers.id));
  const summary = summariseFeedback(rows.map((r) => r.answer));
  return {
    invitations: Number(offered?.n ?? 0),
    answers: summary.count,
    averages: summary.averages,
    shared: rows
      .filter((r) => r.answer.shareWithLead)
      .map(({ answer, occasion, givenName, familyName }) => ({
        id: answer.id,
        memberName: `${givenName} ${familyName}`,
        occasion,
        answeredAt: answer.answeredAt.toISOString(),
        respected: answer.respected,
        listenedTo: answer.listenedTo,
        helped: answer.helped,
        wouldRecommend: answer.wouldRecommend,
        comment: answer.comment,
      })),
  };
}
