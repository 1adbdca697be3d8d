import type { Executor } from "../client";
import { ashdownCurrentEpisode } from "./demo-ashdown-current";
import { ashdownFirstEpisode } from "./demo-ashdown-history";
import { familyBuilder, insertFamily } from "./demo-family-builder";
import { journeyBuilder } from "./demo-journey-builder";
import type { DemoOrganisation } from "./demo-organisation";

/**
 * The Ashdown family: Early Help once before (closed about 14 months ago with
 * its outcomes met), and again since a new request more than 12 months after
 * that closure, so the current episode is NOT a re-referral.
 */
export async function seedAshdownFamily(db: Executor, org: DemoOrganisation) {
  const { staff, agencyId, familyUsers, authority } = org;
  const lead = staff.lead.id;
  const family = await insertFamily(
    db,
    {
      authorityId: authority.id,
      owningAgencyId: agencyId("earlyHelp"),
      reference: "EH-DEMO-0001",
      displayName: "The Ashdown family",
      levelOfNeed: 2,
      status: "assessment_started",
      createdBy: lead,
      createdAt: new Date(Date.now() - 508 * 86_400_000),
    },
    lead,
  );
  const f = familyBuilder(db, family.id);
  const home = {
    address: "Flat 2, 14 Larkspur Row, Eastmoor EM4 7QZ",
    gpPractice: "Lantern Walk Surgery",
  };
  // Moved across the borough after a relationship breakdown; isolated; damp flat with repairs outstanding.
  const taylor = await f.member({
    kind: "adult",
    givenName: "Taylor",
    familyName: "Ashdown",
    relationship: "mother",
    parentalResponsibility: true,
    dateOfBirth: "1994-06-11",
    userId: familyUsers.parent.id,
    ...home,
    phone: "07700 900341",
    email: "taylor.ashdown@example.test",
    preferredLanguage: "English",
    ethnicity: "White British",
    religion: "No religion",
  });
  const robin = await f.member({
    kind: "child",
    givenName: "Robin",
    familyName: "Ashdown",
    dateOfBirth: "2019-09-03",
    school: "Hollybrook Primary School",
    needs: ["health", "housing"],
    ...home,
    disabilityOrSen: "Asthma; no special educational needs",
  });
  const ellis = await f.member({
    kind: "child",
    givenName: "Ellis",
    familyName: "Ashdown",
    dateOfBirth: "2023-02-20",
    needs: ["early_years"],
    ...home,
  });
  const people = { taylor: taylor.id, robin: robin.id, ellis: ellis.id };
  await ashdownFirstEpisode(db, org, family.id, people);
  await ashdownCurrentEpisode(db, org, family.id, people);
  await journeyBuilder(db, family.id).mirrorLatestEpisode();
  return family;
}
