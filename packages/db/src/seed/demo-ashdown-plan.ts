import type { familyBuilder } from "./demo-family-builder";

/** The outcomes and actions of the Ashdown family's current plan, agreed at the first TAC. */
export async function ashdownPlan(
  f: ReturnType<typeof familyBuilder>,
  ids: { lead: string; hv: string; taylor: string; episodeId: string },
) {
  const { lead, hv, taylor, episodeId } = ids;
  const agreed = 46;
  const home = await f.outcome(
    "housing",
    "Our home is warm and dry",
    "Repairs finished and no new damp for two months",
    60,
    lead,
    { episodeId, createdDaysAgo: agreed },
  );
  await f.action({
    outcomeId: home.id,
    text: "Chase the landlord's repair team and confirm a date for the damp repair",
    dueInDays: -3,
    createdBy: lead,
    createdDaysAgo: agreed,
    owners: [{ userId: lead }],
    note: { authorId: lead, text: "Left a message with the repairs desk; no date yet." },
  });
  await f.action({
    outcomeId: home.id,
    text: "Take photos of the mould each week and keep them together",
    dueInDays: 7,
    createdBy: lead,
    createdDaysAgo: agreed,
    owners: [{ memberId: taylor }],
  });
  const health = await f.outcome(
    "health",
    "Robin's asthma is under control",
    "No night-time inhaler use for four weeks",
    45,
    hv,
    { episodeId, createdDaysAgo: agreed },
  );
  await f.action({
    outcomeId: health.id,
    text: "Book Robin's asthma review at the GP surgery",
    dueInDays: -30,
    createdBy: hv,
    createdDaysAgo: agreed,
    owners: [{ memberId: taylor }, { userId: hv }],
    done: true,
    doneDaysAgo: 33,
  });
  await f.action({
    outcomeId: health.id,
    text: "Share Robin's written asthma plan with his class teacher",
    dueInDays: 10,
    createdBy: hv,
    createdDaysAgo: 4,
    owners: [{ userId: hv }],
  });
  const friends = await f.outcome(
    "family_relationships",
    "I know people nearby I can turn to",
    "Taylor goes to a group at least once a week",
    90,
    lead,
    { episodeId, createdDaysAgo: agreed },
  );
  await f.action({
    outcomeId: friends.id,
    text: "Visit the Tuesday stay-and-play at the children's centre together",
    dueInDays: -10,
    createdBy: lead,
    createdDaysAgo: agreed,
    owners: [{ memberId: taylor }, { userId: lead }],
    done: true,
    doneDaysAgo: 38,
  });
  await f.action({
    outcomeId: friends.id,
    text: "Find out about a nursery place for Ellis",
    dueInDays: 14,
    createdBy: lead,
    createdDaysAgo: agreed,
    owners: [{ userId: lead }],
  });
}
