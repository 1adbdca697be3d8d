import type { AssessmentWords } from "./demo-journey-builder";
import type { PlanWords } from "./demo-meeting-builder";

/** The Hollis family's assessment, signed off five months ago: synthetic words. */
export const hollisAssessment = (ids: { dee: string; kai: string }) =>
  ({
    sections: {
      family_story:
        "Kai (10) lives with his mum Dee on Larkspur Row. His dad left at Christmas and has not been in touch since. Kai has had two fixed-term exclusions from Hollybrook Primary for fighting at lunchtime, and Dee says his anger at home frightens her.",
      working_well:
        "Dee and Kai are close and still laugh together. Kai loves football and his Year 5 teacher. Dee works part-time and her sister helps with childcare.",
      worries:
        "Kai may be permanently excluded if the fighting goes on. Evenings end in shouting most days, Kai is not sleeping, and Dee feels she is failing him.",
      analysis:
        "Kai's anger began with his dad leaving and grows when he is tired and unsettled. A trusted adult at school each morning, a steadier evening routine and support for Dee should help him feel safe enough to stay in class.",
      next_steps:
        "A learning mentor check-in each morning; the Calmer Evenings parenting group for Dee; the health visitor to see Kai and Dee about sleep; first TAC within 15 working days of sign-off.",
    },
    childVoices: [
      {
        memberId: ids.kai,
        text: "When someone says stuff about my dad I just go red and then I've hit them. I don't want to get kicked out, I like Mr Price.",
      },
    ],
    parentVoices: [
      {
        memberId: ids.dee,
        text: "I love him to bits but I don't know what to do when he kicks off. I just want us to have a normal evening.",
      },
    ],
  }) satisfies AssessmentWords;

/** The Hollis family's plan document, as the team wrote it. */
export const hollisPlan: PlanWords = {
  working_well: [
    "Kai sees his learning mentor every morning and has had no exclusion since March.",
    "Dee finished the Calmer Evenings group and uses the wind-down routine most nights.",
  ],
  worries: ["Kai still finds it hard when other children mention his dad."],
  what_needs_to_happen: [
    {
      bullets: [
        "Keep the morning check-in going until the end of term (school).",
        "Dee to keep the evening routine and call the school if things slip.",
      ],
    },
  ],
};
