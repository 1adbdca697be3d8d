import type { familyBuilder } from "./demo-family-builder";

/** The outcomes and actions of the Wren family's current plan, agreed at the first TAC. */
export async function wrenPlan(
  f: ReturnType<typeof familyBuilder>,
  ids: { lead: string; pastoral: string; leo: string; episodeId: string },
) {
  const { lead, pastoral, leo, episodeId } = ids;
  const agreed = 51;
  const money = await f.outcome(
    "financial_stability",
    "We have enough money coming in each month",
    "Guardianship allowance and child benefit in payment",
    30,
    lead,
    { episodeId, createdDaysAgo: agreed },
  );
  await f.action({
    outcomeId: money.id,
    text: "Help Nadia complete the guardianship allowance claim",
    dueInDays: -20,
    createdBy: lead,
    createdDaysAgo: agreed,
    owners: [{ userId: lead }],
    done: true,
    doneDaysAgo: 44,
  });
  await f.action({
    outcomeId: money.id,
    text: "Check the backdated allowance has been paid in full",
    dueInDays: -5,
    createdBy: lead,
    createdDaysAgo: 9,
    owners: [{ userId: lead }],
  });
  const grief = await f.outcome(
    "family_relationships",
    "Mia and Finn can talk about Mum and feel supported",
    "Both children attend bereavement sessions; Nadia reports fewer bad nights",
    84,
    lead,
    { episodeId, createdDaysAgo: agreed },
  );
  await f.action({
    outcomeId: grief.id,
    text: "Refer Mia and Finn to the children's bereavement service",
    dueInDays: 5,
    createdBy: lead,
    createdDaysAgo: agreed,
    owners: [{ userId: lead }],
    note: { authorId: lead, text: "Referral accepted; they are on the list for January." },
  });
  const school = await f.outcome(
    "education",
    "Leo keeps up with his college course while helping at home",
    "Attendance above 90% this term",
    70,
    pastoral,
    { episodeId, createdDaysAgo: agreed },
  );
  await f.action({
    outcomeId: school.id,
    text: "Agree a young carer's pass for late arrivals",
    dueInDays: 3,
    createdBy: pastoral,
    createdDaysAgo: agreed,
    owners: [{ userId: pastoral }],
  });
  await f.action({
    outcomeId: school.id,
    text: "Tell Casey which mornings are hardest",
    dueInDays: 6,
    createdBy: pastoral,
    createdDaysAgo: agreed,
    owners: [{ memberId: leo }],
  });
}
