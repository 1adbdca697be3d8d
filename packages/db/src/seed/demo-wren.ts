import type { Executor } from "../client";
import { dateFromNow, familyBuilder, insertFamily } from "./demo-family-builder";
import { journeyBuilder } from "./demo-journey-builder";
import type { DemoOrganisation } from "./demo-organisation";
import { wrenCurrentEpisode } from "./demo-wren-current";
import { wrenFirstEpisode } from "./demo-wren-history";

/**
 * The Wren family: Early Help during their mum's illness (closed about seven
 * months ago), then THE demo re-referral: Riverside Academy asked again about
 * five months after that closure, within 12 months, so the request links to
 * episode 1.
 */
export async function seedWrenFamily(db: Executor, org: DemoOrganisation) {
  const { staff, agencyId, familyUsers, authority } = org;
  const lead = staff.lead.id;
  const family = await insertFamily(
    db,
    {
      authorityId: authority.id,
      owningAgencyId: agencyId("earlyHelp"),
      reference: "EH-DEMO-0002",
      displayName: "The Wren family",
      levelOfNeed: 2,
      status: "assessment_started",
      createdBy: lead,
      createdAt: new Date(Date.now() - 297 * 86_400_000),
    },
    lead,
  );
  const f = familyBuilder(db, family.id);
  const home = { address: "7 Quillon Terrace, Eastmoor EM2 4XJ", gpPractice: "Mill Race Surgery" };
  // An older sister caring for her three younger siblings after their mother died.
  const nadia = await f.member({
    kind: "adult",
    givenName: "Nadia",
    familyName: "Wren",
    relationship: "sister and special guardian",
    parentalResponsibility: true,
    dateOfBirth: "2002-04-18",
    ...home,
    phone: "07700 900512",
    email: "nadia.wren@example.test",
    preferredLanguage: "English",
    ethnicity: "Mixed: White and Black Caribbean",
    religion: "Christian",
  });
  // Does the school runs and covers Nadia's early shifts: the family's young carer.
  const leo = await f.member({
    kind: "child",
    givenName: "Leo",
    familyName: "Wren",
    dateOfBirth: dateFromNow(-(16 * 365 + 120)),
    school: "Riverside Academy (sixth form)",
    needs: ["education", "health"],
    judgedCompetent: true,
    userId: familyUsers.youngPerson.id,
    ...home,
    phone: "07700 900587",
    email: "leo.wren@example.test",
    youngCarer: true,
  });
  const mia = await f.member({
    kind: "child",
    givenName: "Mia",
    familyName: "Wren",
    dateOfBirth: "2015-01-09",
    school: "Riverside Academy",
    needs: ["family_relationships"],
    ...home,
  });
  const finn = await f.member({
    kind: "child",
    givenName: "Finn",
    familyName: "Wren",
    dateOfBirth: "2018-08-30",
    school: "Hollybrook Primary School",
    needs: ["health"],
    ...home,
    disabilityOrSen: "SEN support: speech and language",
  });
  const people = { nadia: nadia.id, leo: leo.id, mia: mia.id, finn: finn.id };
  const first = await wrenFirstEpisode(db, org, family.id, people);
  await wrenCurrentEpisode(db, org, family.id, people, first.id);
  await journeyBuilder(db, family.id).mirrorLatestEpisode();
  return family;
}
