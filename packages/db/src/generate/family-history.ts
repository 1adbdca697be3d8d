import {
  type AgencyType,
  addCalendarMonths,
  addDays,
  addWorkingDays,
  informationKinds,
  reReferralOf,
} from "@teamaround/domain";
import { type EpisodeLife, writeEpisode } from "./episode-history";
import { at, daysBetween, earlierDay, onWorkingDay } from "./history-dates";
import type { HistoryRows } from "./history-rows";
import type { HistoryOrganisation, StaffMember } from "./organisation";
import type { Random } from "./random";
import { adultRelationships, givenNames, surnames } from "./words";

export interface HistoryContext {
  random: Random;
  org: HistoryOrganisation;
  now: Date;
  today: string;
  /** The first day of the history (today minus the years asked for). */
  startDay: string;
}

const requesterTypes: Record<AgencyType, number> = {
  school: 40,
  health: 20,
  police: 10,
  early_years: 10,
  housing: 8,
  voluntary: 7,
  adult_services: 3,
  childrens_social_care: 2,
  other: 0,
};

function pickStaff(random: Random, map: Map<string, StaffMember[]>, agencyId: string) {
  const list = map.get(agencyId);
  if (!list || list.length === 0) throw new Error(`agency ${agencyId} has no staff`);
  return random.pick(list);
}

/** A partner agency of a weighted type, and someone who works there. */
function pickPartner(ctx: HistoryContext) {
  const type = ctx.random.weighted(requesterTypes);
  const candidates = ctx.org.partners.filter((p) => p.type === type);
  const agency = ctx.random.pick(candidates.length > 0 ? candidates : ctx.org.partners);
  return { agency, person: pickStaff(ctx.random, ctx.org.partnerStaff, agency.id) };
}

/** A request that never became a family: signposted, not accepted, or waiting. */
function writeUnknownFamilyRequest(
  ctx: HistoryContext,
  rows: HistoryRows,
  service: { id: string; locality: string },
) {
  const serviceId = service.id;
  const { random } = ctx;
  const span = daysBetween(ctx.startDay, ctx.today);
  // A tenth fall in the last month, so the front door always has a queue.
  const ago = random.chance(0.1) ? random.int(0, 30) : random.int(0, span);
  const requestedOn = onWorkingDay(addDays(ctx.today, -ago));
  if (requestedOn > ctx.today) return;
  const { agency, person } = pickPartner(ctx);
  const triagedOn = addWorkingDays(requestedOn, random.skewed(2, 0.8));
  const waiting = triagedOn > ctx.today || (ago < 30 && random.chance(0.4));
  const manager = pickStaff(random, ctx.org.managers, serviceId);
  const surname = random.pick(surnames);
  const signposted = random.chance(0.6);
  rows.requests.push({
    id: random.uuid(),
    authorityId: ctx.org.authorityId,
    receivingAgencyId: serviceId,
    familyId: null,
    familyName: `The ${surname} family (synthetic)`,
    children: [{ givenName: random.pick(givenNames), familyName: surname, dateOfBirth: null }],
    requesterKind: "practitioner",
    requesterAgencyId: agency.id,
    requesterName: person.displayName,
    requestedOn,
    // The asker names where the family lives: the locality the service covers.
    locality: service.locality,
    worries: "Synthetic request: worries about school attendance and money at home.",
    familyKnows: true,
    familyAgrees: true,
    createdBy: person.id,
    createdAt: at(requestedOn, 9),
    ...(waiting
      ? { status: "awaiting_triage" as const }
      : {
          status: signposted ? ("signposted" as const) : ("not_accepted" as const),
          signpostedTo: signposted ? "Synthetic: a parenting course run by a local charity" : null,
          triageReason: signposted
            ? "Synthetic: a course suits the family better than a team around the family."
            : "Synthetic: the worries are met by the school's own support.",
          triagedBy: manager.id,
          triagedAt: at(triagedOn, 11),
        }),
  });
}

/**
 * One synthetic family from its first request for help to today: members,
 * consent, team, and one or more episodes (re-referrals follow the 12-month
 * rule). `families.status` mirrors the latest episode.
 */
export function writeFamily(ctx: HistoryContext, rows: HistoryRows, index: number): void {
  const { random, org } = ctx;
  const service = random.pick(org.services);
  if (random.chance(0.3)) writeUnknownFamilyRequest(ctx, rows, service);

  const familyId = random.uuid();
  const surname = random.pick(surnames);
  const serviceLead = random.chance(0.75);
  const lead = serviceLead
    ? pickStaff(random, org.serviceLeads, service.id)
    : pickPartner(ctx).person;
  const manager = pickStaff(random, org.managers, service.id);
  const steppedDown = random.chance(0.05);
  const span = daysBetween(ctx.startDay, ctx.today);
  const firstDay = onWorkingDay(addDays(ctx.startDay, random.int(0, span - 1)));
  if (firstDay > ctx.today) return;

  const adults = Array.from({ length: random.chance(0.55) ? 2 : 1 }, (_, i) => ({
    id: random.uuid(),
    familyId,
    kind: "adult" as const,
    givenName: random.pick(givenNames),
    familyName: surname,
    relationship:
      i === 0 ? random.pick(adultRelationships.slice(0, 2)) : random.pick(adultRelationships),
    parentalResponsibility: i === 0 || random.chance(0.6),
    dateOfBirth: addDays(ctx.today, -random.int(22, 55) * 365),
    interpreterNeeded: random.chance(0.05),
  }));
  const children = Array.from({ length: random.int(1, 4) }, () => ({
    id: random.uuid(),
    familyId,
    kind: "child" as const,
    givenName: random.pick(givenNames),
    familyName: surname,
    dateOfBirth: addDays(ctx.today, -random.int(30, 17 * 365 + 300)),
    youngCarer: random.chance(0.03),
  }));
  rows.members.push(...adults, ...children);
  const parent = adults[0];
  if (!parent) throw new Error("a family needs an adult");

  const openedFirst = at(firstDay, 10);
  const team = [lead];
  const partner = pickPartner(ctx);
  if (partner.person.id !== lead.id) team.push(partner.person);
  const consentId = random.uuid();
  rows.consents.push({
    id: consentId,
    familyId,
    givenByMemberId: parent.id,
    coversMemberIds: children.map((c) => c.id),
    decision: "given",
    agencyIds: [...new Set([service.id, ...team.map((t) => t.agencyId)])],
    informationKinds: [...informationKinds.slice(0, 5)],
    method: random.pick(["in_person", "phone", "written", "online"] as const),
    obtainedAt: openedFirst,
    obtainedBy: lead.id,
    reviewDate: addCalendarMonths(firstDay, random.chance(0.5) ? 6 : 12),
  });
  rows.team.push(
    ...team.map((person, i) => ({
      id: random.uuid(),
      familyId,
      userId: person.id,
      role: i === 0 ? ("lead_professional" as const) : ("member" as const),
      consentId: i === 0 ? null : consentId,
      addedBy: lead.id,
      addedAt: i === 0 ? openedFirst : at(addDays(firstDay, 1), 12),
    })),
  );

  let requestedOn = firstDay;
  let previous: { id: string; closedAt: Date | null } | null = null;
  let latest: EpisodeLife | null = null;
  let number = 0;
  for (let attempt = 0; attempt < 5 && requestedOn <= ctx.today; attempt += 1) {
    const first = number === 0;
    const fromStepDown = first && steppedDown;
    const requester = pickPartner(ctx);
    const byFamily = !fromStepDown && random.chance(0.1);
    const triagedOn = fromStepDown
      ? requestedOn
      : addWorkingDays(requestedOn, random.chance(0.12) ? random.int(6, 15) : random.int(0, 4));
    const requestId = fromStepDown ? null : random.uuid();
    if (triagedOn > ctx.today && !first) {
      rows.requests.push(
        requestRow(ctx, {
          requestId,
          familyId,
          surname,
          service: service.id,
          locality: service.locality,
          requester,
          byFamily,
          requestedOn,
          manager,
          children,
        }),
      );
      break;
    }
    const outcome = first
      ? "accepted"
      : random.weighted({ accepted: 80, signposted: 12, not_accepted: 8 });
    if (outcome !== "accepted") {
      rows.requests.push({
        ...requestRow(ctx, {
          requestId,
          familyId,
          surname,
          service: service.id,
          locality: service.locality,
          requester,
          byFamily,
          requestedOn,
          manager,
          children,
        }),
        status: outcome,
        signpostedTo: outcome === "signposted" ? "Synthetic: a local family hub" : null,
        triageReason: "Synthetic: the family's needs are met elsewhere for now.",
        triagedBy: manager.id,
        triagedAt: at(triagedOn, 11),
      });
      requestedOn = onWorkingDay(addDays(triagedOn, random.int(60, 720)));
      continue;
    }
    number += 1;
    const episodeId = random.uuid();
    const openedOn = earlierDay(triagedOn, ctx.today);
    if (requestId) {
      rows.requests.push({
        ...requestRow(ctx, {
          requestId,
          familyId,
          surname,
          service: service.id,
          locality: service.locality,
          requester,
          byFamily,
          requestedOn,
          manager,
          children,
        }),
        status: "accepted",
        triagedBy: manager.id,
        triagedAt: at(openedOn, 11),
        allocatedLeadId: lead.id,
        episodeId,
        reReferralOfEpisodeId: reReferralOf(previous, requestedOn),
      });
    }
    latest = writeEpisode(ctx, rows, {
      episodeId,
      familyId,
      number,
      requestId,
      openedOn,
      lead,
      manager,
      team,
      parentId: parent.id,
      memberIds: [...adults, ...children].map((m) => m.id),
    });
    if (!latest.closedOn) break;
    previous = { id: episodeId, closedAt: latest.closedAt };
    if (!random.chance(0.35)) break;
    const gap = random.chance(0.55) ? random.int(30, 330) : random.int(380, 1400);
    requestedOn = onWorkingDay(addDays(latest.closedOn, gap));
  }
  if (!latest) throw new Error("a synthetic family must have an episode");

  rows.families.push({
    id: familyId,
    authorityId: org.authorityId,
    owningAgencyId: service.id,
    reference: `${org.referencePrefix}-${String(index + 1).padStart(6, "0")}`,
    displayName: `The ${surname} family (synthetic)`,
    levelOfNeed: steppedDown ? 3 : random.chance(0.6) ? 2 : 3,
    locality: service.locality,
    status: latest.familyStatus,
    origin: steppedDown ? "stepped_down" : "early_help_request",
    steppedDownAt: steppedDown ? openedFirst : null,
    closureReason: latest.closureReason,
    closedAt: latest.closedAt,
    createdBy: lead.id,
    createdAt: openedFirst,
  });
}

interface RequestFacts {
  requestId: string | null;
  familyId: string;
  surname: string;
  service: string;
  locality: string;
  requester: ReturnType<typeof pickPartner>;
  byFamily: boolean;
  requestedOn: string;
  manager: StaffMember;
  children: { id: string }[];
}

function requestRow(ctx: HistoryContext, facts: RequestFacts) {
  return {
    id: facts.requestId ?? ctx.random.uuid(),
    authorityId: ctx.org.authorityId,
    receivingAgencyId: facts.service,
    familyId: facts.familyId,
    familyName: `The ${facts.surname} family (synthetic)`,
    childMemberIds: facts.children.map((c) => c.id),
    requesterKind: facts.byFamily ? ("family" as const) : ("practitioner" as const),
    requesterAgencyId: facts.byFamily ? null : facts.requester.agency.id,
    requesterName: facts.byFamily ? "A parent (synthetic)" : facts.requester.person.displayName,
    requestedOn: facts.requestedOn,
    locality: facts.locality,
    worries: "Synthetic request: the family is struggling with routines, school and money.",
    familyKnows: true,
    familyAgrees: true,
    createdBy: facts.byFamily ? facts.manager.id : facts.requester.person.id,
    createdAt: at(facts.requestedOn, 9),
  };
}
