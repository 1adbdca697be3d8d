import type { AssessmentWords } from "./demo-journey-builder";
import type { PlanWords } from "./demo-meeting-builder";

/** The Wren family's words: synthetic, written as an Early Help team would write them. */

export interface WrenPeople {
  nadia: string;
  leo: string;
  mia: string;
  finn: string;
}

export const wrenFirstAssessment = (ids: WrenPeople): AssessmentWords => ({
  sections: {
    family_story:
      "Nadia (23), Leo (15), Mia (11) and Finn (7) live with their mum on Quillon Terrace. Mum is having treatment for cancer and is often at the hospital or too unwell to get up. Nadia works part time and does most of the caring, with Leo's help. Hollybrook Primary School asked for Early Help because Mia has been tearful in class and late on hospital days.",
    working_well:
      "The children are very close and Mum is proud of how they pull together. Nadia is calm and capable and the school describes her as a reliable contact. Finn is happy and doing well in Year 3.",
    worries:
      "Mia is late two or three mornings a week and has cried in class when she thinks Mum is at the hospital. Money is tight since Mum stopped work. Nadia and Leo are carrying a lot for their ages and have little time for themselves.",
    analysis:
      "This is a loving family under strain from an illness nobody can change. What can change is the practical load on Nadia and Leo and the support Mia gets at school. With a plan for hospital days and someone for Mia to talk to, we expect the children's days to steady.",
    next_steps:
      "A plan for hospital days so the children get to school; a trusted adult for Mia at school; a benefits check for Mum; a young carers' assessment offered to Nadia and Leo.",
  },
  childVoices: [
    {
      memberId: ids.mia,
      text: "When Mum's at the hospital I can't think about anything else. I like Mrs Dale because she lets me sit with her at lunch.",
    },
    {
      memberId: ids.finn,
      text: "Nadia makes the best pasta. I don't like it when Mum's sleeping all day.",
    },
  ],
  parentVoices: [
    {
      memberId: ids.nadia,
      text: "Mum asked me to make sure the little ones are all right. I can do it, I just need the mornings to work and someone to tell me what money we can get.",
    },
  ],
});

export const wrenFirstPlan: PlanWords = {
  working_well: ["The children are close and Nadia is calm and capable."],
  worries: ["Mia is late and tearful on hospital days.", "Money is tight since Mum stopped work."],
  what_needs_to_happen: [
    { bullets: ["A plan for hospital days.", "A trusted adult for Mia at school."] },
  ],
};

export const wrenCurrentAssessment = (ids: WrenPeople): AssessmentWords => ({
  sections: {
    family_story:
      "Nadia (24) is now special guardian to her brothers and sister, Leo (16), Mia (11) and Finn (8), after their mum died following a long illness. Early Help worked with the family during Mum's treatment and closed when the hospice family support team took over; Riverside Academy asked for help again five months later. Mia has started Year 7 at Riverside and Leo is in the sixth form there.",
    working_well:
      "Nadia has kept the family together and the home is warm, tidy and full of routine. The children say they feel safe with her. Finn's school says he is settled. Leo is a thoughtful young man who is determined to finish his course.",
    worries:
      "The guardianship allowance has not started and the family is living on Nadia's part-time wage and child benefit. Mia has had angry outbursts at home and will not talk about Mum. Finn is wetting the bed again. Leo's attendance has dropped to 86% because he does the school runs and Nadia's early shifts; he is a young carer and has not been assessed as one.",
    analysis:
      "Grief and money worries are feeding each other: Nadia is stretched, Leo fills the gaps and his education suffers. The family's strength is their closeness and Nadia's steadiness. Sorting the income will give Nadia room to cut her early shifts; bereavement support for Mia and Finn and recognition of Leo as a young carer should follow.",
    next_steps:
      "Help Nadia claim the guardianship allowance; refer Mia and Finn to the children's bereavement service; a young carer's assessment and a pass for late arrivals for Leo; review in six weeks.",
  },
  childVoices: [
    {
      memberId: ids.leo,
      text: "I don't mind helping, Nadia can't do it all. I just don't want to drop out. If I could come in late some days without getting a detention that would help.",
    },
    {
      memberId: ids.mia,
      text: "I don't want to talk about Mum at school. I miss her in the mornings most. I'd like to see someone who isn't a teacher.",
    },
    {
      memberId: ids.finn,
      text: "I have a box of Mum's things under my bed. I'm scared at night sometimes.",
    },
  ],
  parentVoices: [
    {
      memberId: ids.nadia,
      text: "I promised Mum I'd keep us together and I have. But I'm working mornings, doing the forms at night and Leo's missing school to help me. I need the money sorted so I can be here for them.",
    },
  ],
});

export const wrenCurrentPlan: PlanWords = {
  working_well: [
    "Nadia has kept the family together; the children feel safe with her.",
    "Finn is settled at Hollybrook and Mia has made a friend in her tutor group.",
    "Leo is determined to finish his course.",
  ],
  worries: [
    "No guardianship allowance yet: the family lives on Nadia's part-time wage.",
    "Mia's anger at home and Finn's bad nights since Mum died.",
    "Leo's attendance (86%) because of the school runs: he is a young carer.",
  ],
  what_needs_to_happen: [
    {
      bullets: [
        "Guardianship allowance claimed and paid.",
        "Mia and Finn start with the children's bereavement service.",
        "Leo has a young carer's assessment and a late-arrival pass.",
      ],
    },
  ],
  review_notes: [
    "First review: the allowance is awarded and backdated, and Nadia has dropped one early shift. Mia and Finn are on the bereavement service's list. Leo's attendance has dipped again to 83%: the late pass is agreed but not yet in use. Next review in six weeks.",
  ],
};
