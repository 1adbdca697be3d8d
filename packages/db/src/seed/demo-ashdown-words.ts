import type { AssessmentWords } from "./demo-journey-builder";
import type { PlanWords } from "./demo-meeting-builder";

/** The Ashdown family's words: synthetic, written as an Early Help team would write them. */

export const ashdownFirstAssessment = (ids: {
  taylor: string;
  robin: string;
}): AssessmentWords => ({
  sections: {
    family_story:
      "Taylor lives with Robin (5) and Ellis (2) in a two-bedroom flat on Lantern Walk. A change to Taylor's Universal Credit in the spring left the family two months behind with the rent, and Robin's attendance in Reception fell to 84% over the same weeks. Hollybrook Primary School asked for Early Help with Taylor's agreement.",
    working_well:
      "Robin and Ellis are warm, well cared for and clearly loved. Taylor keeps every appointment, asks for help when she needs it and has a good relationship with Robin's class teacher.",
    worries:
      "The rent arrears are growing and Taylor has had a letter from the landlord. Mornings are hard: Robin arrives late or not at all on the days Taylor has not slept. Taylor says her mood has been low since the money worries began.",
    analysis:
      "The family's difficulties started with the change of income and have built on each other: money worries affect Taylor's sleep and mood, which affects mornings and Robin's attendance. Sorting the money and giving the mornings some structure should let the rest settle. There are no concerns about the care the children receive.",
    next_steps:
      "Help Taylor challenge the benefit decision and agree a repayment plan with the landlord; a morning routine with Robin's teacher and a soft start at the school gate; Taylor to talk to her GP about her mood. First team around the family meeting within three weeks.",
  },
  childVoices: [
    {
      memberId: ids.robin,
      text: "I like school when I get there. I like the reading corner and my friend Alfie. Mornings are shouty sometimes and then I feel sad.",
    },
  ],
  parentVoices: [
    {
      memberId: ids.taylor,
      text: "I've always managed before. Since the money went wrong I can't sleep and then everything's late. I don't want Robin to miss school because of me. I want a plan so I stop feeling like I'm drowning.",
    },
  ],
});

export const ashdownFirstPlan: PlanWords = {
  working_well: ["Taylor keeps every appointment and the children are well cared for."],
  worries: ["Rent arrears after a change to Universal Credit.", "Robin's attendance at 84%."],
  what_needs_to_happen: [
    {
      bullets: [
        "Challenge the benefit decision and agree a repayment plan with the landlord.",
        "A morning routine and a soft start at school for Robin.",
      ],
    },
  ],
};

export const ashdownCurrentAssessment = (ids: {
  taylor: string;
  robin: string;
  ellis: string;
}): AssessmentWords => ({
  sections: {
    family_story:
      "Taylor moved across the borough with Robin (7) and Ellis (3) in the summer after her relationship ended. The family had Early Help before, about money and Robin's attendance, and that work ended well. They now live in a first-floor flat at 14 Larkspur Row. The children's bedroom has damp and black mould, Robin's asthma has worsened since the move and Taylor knows no one in the area. The health visitor asked for Early Help again with Taylor's agreement.",
    working_well:
      "Taylor is a caring, organised parent who used what she learned last time: the rent is paid, she has a budget and she asked for help early. Robin has settled at Hollybrook Primary and his attendance is good. Ellis is meeting her milestones and is a happy, chatty toddler.",
    worries:
      "The damp has been reported to Eastmoor Homes three times without a repair. Robin has used his reliever inhaler most nights and missed three days of school with his chest this half term. Taylor is isolated: she has no family nearby and has not been out in the evening since the move. Ellis has no nursery place yet.",
    analysis:
      "The housing condition is the biggest risk to Robin's health and the hardest to change, because it depends on the landlord. Taylor's isolation makes each setback feel bigger than it is. Her strengths are clear and she has made good use of help before, so we expect steady progress once the repair is done and she has people around her. The relationship ending is not a safeguarding concern; Taylor has asked that details of it are not shared with the school.",
    next_steps:
      "Press Eastmoor Homes for the repair and keep a record of the mould; Robin's asthma review at the GP and a written asthma plan for home and school; a weekly group for Taylor and a nursery place for Ellis. First team around the family meeting within 15 working days.",
  },
  childVoices: [
    {
      memberId: ids.robin,
      text: "My room smells funny and my chest goes tight at night. I like my new school. I want a friend to come to play.",
    },
    {
      memberId: ids.ellis,
      text: "Ellis is too young to put it into words. With Taylor we watched her play: she chatted to her teddies, showed us her favourite book and stayed close to Mum when we arrived.",
    },
  ],
  parentVoices: [
    {
      memberId: ids.taylor,
      text: "I'm doing everything right and it still feels like I'm on my own. I just want the kids to sleep in a room that doesn't make Robin ill. Last time the help worked, so I asked again before it got bad.",
    },
  ],
});

export const ashdownCurrentPlan: PlanWords = {
  working_well: [
    "Taylor is organised and asks for help early; the rent is paid and she keeps a budget.",
    "Robin has settled at Hollybrook Primary and is doing well in class.",
    "Ellis is a happy, chatty toddler who is meeting her milestones.",
  ],
  worries: [
    "Damp and black mould in the children's bedroom, reported to Eastmoor Homes three times.",
    "Robin's asthma: reliever inhaler most nights and three days off school this half term.",
    "Taylor knows no one nearby and feels alone with two small children.",
  ],
  what_needs_to_happen: [
    {
      bullets: [
        "Eastmoor Homes repairs the damp; Jordan chases weekly and Taylor keeps photos.",
        "Robin has an asthma review and a written asthma plan shared with school.",
        "Taylor tries the Tuesday stay-and-play and finds one group she enjoys.",
        "Ellis has a nursery place from January.",
      ],
    },
  ],
  review_notes: [
    "First review: Robin's asthma is much better since his review; the repair still has no date and the family scored housing lower than we did. Taylor has been to the stay-and-play four times and met another mum from Larkspur Row. Next review in six weeks.",
  ],
};
