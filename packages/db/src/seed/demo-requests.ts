import type { Executor } from "../client";
import { isoDay, workdayAt } from "./demo-dates";
import { insertRequest } from "./demo-journey-builder";
import type { DemoOrganisation } from "./demo-organisation";

/**
 * The front door's queue beyond the three families: a request about a new
 * family waiting for triage, and one signposted to another service. Both
 * name families not yet known to the service, and the locality the asker
 * gave; every detail is invented.
 */
export async function seedDemoRequests(db: Executor, org: DemoOrganisation) {
  const { staff, agencyId, authority } = org;
  await insertRequest(db, {
    authorityId: authority.id,
    receivingAgencyId: agencyId("earlyHelp"),
    familyId: null,
    familyName: "The Fairweather family",
    children: [
      { givenName: "Alfie", familyName: "Fairweather", dateOfBirth: "2022-10-14" },
      { givenName: "Isla", familyName: "Fairweather", dateOfBirth: "2025-03-02" },
    ],
    requesterKind: "practitioner",
    requesterAgencyId: agencyId("health"),
    requesterName: staff.healthVisitor.displayName,
    requestedOn: isoDay(workdayAt(-2)),
    locality: "Southmere",
    worries:
      "Mum is managing a new baby alone since dad moved out; Alfie's speech is behind and the family is behind with the electricity.",
    familyKnows: true,
    familyAgrees: true,
    createdBy: staff.healthVisitor.id,
    createdAt: workdayAt(-2, 14),
  });
  await insertRequest(db, {
    authorityId: authority.id,
    receivingAgencyId: agencyId("earlyHelp"),
    familyId: null,
    familyName: "The Brightwater family",
    children: [{ givenName: "Kai", familyName: "Brightwater", dateOfBirth: "2017-06-21" }],
    requesterKind: "practitioner",
    requesterAgencyId: agencyId("riverside"),
    requesterName: staff.pastoral.displayName,
    requestedOn: isoDay(workdayAt(-9)),
    locality: "Westbrook",
    worries:
      "Kai's parents say bedtimes and screen time have become a daily battle and would like ideas; no other worries at school.",
    familyKnows: true,
    familyAgrees: true,
    status: "signposted",
    signpostedTo: "Open Door Family Support: Calmer Evenings parenting course",
    triageReason:
      "The family would be best helped by a parenting course rather than a team around the family. Open Door run one on Thursday evenings and have places from next month.",
    triagedBy: staff.manager.id,
    triagedAt: workdayAt(-6, 11),
    createdBy: staff.pastoral.id,
    createdAt: workdayAt(-9, 15),
  });
}
