import { type Executor, meetingInvitees } from "@teamaround/db";
import { AppError } from "@teamaround/domain";
import { and, eq } from "drizzle-orm";

/** Apologies are for the people invited: anyone else is 422, naming `person`. */
export async function assertInvitee(
  db: Executor,
  familyId: string,
  meetingId: string,
  person: { userId: string } | { memberId: string },
): Promise<void> {
  const [row] = await db
    .select({ id: meetingInvitees.id })
    .from(meetingInvitees)
    .where(
      and(
        eq(meetingInvitees.familyId, familyId),
        eq(meetingInvitees.meetingId, meetingId),
        "userId" in person
          ? eq(meetingInvitees.userId, person.userId)
          : eq(meetingInvitees.memberId, person.memberId),
      ),
    );
  if (!row) {
    throw new AppError("unprocessable", "That person is not invited to this meeting.", [
      { path: "person", message: "is not invited to this meeting" },
    ]);
  }
}
