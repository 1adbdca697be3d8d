import { consents, type Executor, lawfulBasisRecords } from "@teamaround/db";
import { and, eq } from "drizzle-orm";
import { wasActiveAt } from "../consent/consent-state";
import { futureIssues, type Issue, notToldIssues, rejectIssues } from "../consent/field-checks";
import { activeAgencyIssues } from "../consent/lookups";
import type { RecordSharingInput } from "./sharing.schema";

async function consentIssues(
  db: Executor,
  familyId: string,
  body: RecordSharingInput & { consentId: string },
): Promise<Issue[]> {
  const [consent] = await db
    .select()
    .from(consents)
    .where(and(eq(consents.id, body.consentId), eq(consents.familyId, familyId)));
  if (!consent) return [{ path: "consentId", message: "not found in this family" }];
  const issues: Issue[] = [];
  if (!wasActiveAt(consent, new Date(body.sharedAt))) {
    issues.push({ path: "consentId", message: "was not active when this was shared" });
  }
  if (!consent.agencyIds.includes(body.toAgencyId)) {
    issues.push({ path: "toAgencyId", message: "not an agency this consent covers" });
  }
  if (!consent.informationKinds.includes(body.informationKind)) {
    issues.push({
      path: "informationKind",
      message: "not a kind of information this consent covers",
    });
  }
  return issues;
}

async function lawfulBasisIssues(
  db: Executor,
  familyId: string,
  body: RecordSharingInput & { lawfulBasisId: string },
): Promise<Issue[]> {
  const [basis] = await db
    .select({ agencyIds: lawfulBasisRecords.agencyIds, endedAt: lawfulBasisRecords.endedAt })
    .from(lawfulBasisRecords)
    .where(
      and(eq(lawfulBasisRecords.id, body.lawfulBasisId), eq(lawfulBasisRecords.familyId, familyId)),
    );
  if (!basis) return [{ path: "lawfulBasisId", message: "not found in this family" }];
  const issues: Issue[] = [];
  if (basis.endedAt) issues.push({ path: "lawfulBasisId", message: "this lawful basis has ended" });
  if (!basis.agencyIds.includes(body.toAgencyId)) {
    issues.push({ path: "toAgencyId", message: "not an agency this lawful basis covers" });
  }
  return issues;
}

async function basisIssues(db: Executor, familyId: string, body: RecordSharingInput) {
  const { consentId, lawfulBasisId } = body;
  if ((consentId === undefined) === (lawfulBasisId === undefined)) {
    return [{ path: "consentId", message: "give exactly one of consentId and lawfulBasisId" }];
  }
  if (consentId !== undefined) return consentIssues(db, familyId, { ...body, consentId });
  if (lawfulBasisId !== undefined)
    return lawfulBasisIssues(db, familyId, { ...body, lawfulBasisId });
  return [];
}

/** Every rule a register entry must keep (422 naming each broken field). */
export async function checkRecordSharing(
  db: Executor,
  family: { id: string; authorityId: string },
  body: RecordSharingInput,
  now: Date,
): Promise<void> {
  rejectIssues(
    [
      ...futureIssues(new Date(body.sharedAt), now, "sharedAt"),
      ...notToldIssues(body.familyTold, body.notToldReason),
      ...(await activeAgencyIssues(db, family.authorityId, [body.toAgencyId], "toAgencyId")),
      ...(await basisIssues(db, family.id, body)),
    ],
    "This share cannot be recorded as it stands.",
  );
}
