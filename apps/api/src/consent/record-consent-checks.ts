import { type Executor, familyMembers } from "@teamaround/db";
import { consentGiverIssues } from "@teamaround/domain";
import { eq } from "drizzle-orm";
import { isoDay } from "../shared/dates";
import type { RecordConsentInput } from "./consents.schema";
import { futureIssues, type Issue, rejectIssues } from "./field-checks";
import { activeAgencyIssues } from "./lookups";

/** Every rule a new consent record must keep (422 naming each broken field). */
export async function checkRecordConsent(
  db: Executor,
  family: { id: string; authorityId: string },
  body: RecordConsentInput,
  now: Date,
): Promise<void> {
  const today = isoDay(now);
  const issues: Issue[] = [...futureIssues(new Date(body.obtainedAt), now, "obtainedAt")];
  if (body.reviewDate !== undefined && body.reviewDate < today) {
    issues.push({ path: "reviewDate", message: "must be today or later" });
  }
  const members = await db
    .select({
      id: familyMembers.id,
      kind: familyMembers.kind,
      parentalResponsibility: familyMembers.parentalResponsibility,
      judgedCompetent: familyMembers.judgedCompetent,
      dateOfBirth: familyMembers.dateOfBirth,
    })
    .from(familyMembers)
    .where(eq(familyMembers.familyId, family.id));
  issues.push(...consentGiverIssues(members, body.givenByMemberId, body.coversMemberIds, today));
  issues.push(...(await activeAgencyIssues(db, family.authorityId, body.agencyIds, "agencyIds")));
  rejectIssues(issues, "This consent cannot be recorded as it stands.");
}
