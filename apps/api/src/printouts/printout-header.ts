import { type Executor, type FamilyRow, localAuthorities } from "@teamaround/db";
import { noticeDay } from "@teamaround/domain";
import { eq } from "drizzle-orm";
import type { PrintoutHeader } from "./pdf-layout";

/** The council's name and the lead professional's title, the family's reference, today's date. */
export async function printoutHeader(
  db: Executor,
  family: FamilyRow,
  title: string,
  now: Date,
): Promise<PrintoutHeader & { leadTitle: string }> {
  const [authority] = await db
    .select({ name: localAuthorities.name, leadTitle: localAuthorities.leadProfessionalTitle })
    .from(localAuthorities)
    .where(eq(localAuthorities.id, family.authorityId));
  return {
    title,
    authorityName: authority?.name ?? "Early Help",
    familyReference: family.reference,
    madeOn: noticeDay(now.toISOString()),
    leadTitle: authority?.leadTitle ?? "Lead professional",
  };
}

/** "early-help-plan-EH-2026-0042-2026-11-30.pdf": safe in a header, no family name. */
export function printoutFileName(what: string, family: FamilyRow, now: Date): string {
  const reference = family.reference.replace(/[^A-Za-z0-9-]/g, "-");
  return `${what}-${reference}-${now.toISOString().slice(0, 10)}.pdf`;
}
