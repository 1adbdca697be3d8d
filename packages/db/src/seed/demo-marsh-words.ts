import type { AssessmentWords } from "./demo-journey-builder";

/** The Marsh family's assessment, written and sent for sign-off: synthetic words. */
export const marshAssessment = (ids: { chris: string; ana: string; dani: string }) =>
  ({
    sections: {
      family_story:
        "Dani (14) lives with dad Chris and mum Ana on Fernhollow Close. Ana's first language is Portuguese and she prefers to meet with an interpreter. Dani was a confident student until Year 9, when panic attacks on the way to school began; attendance has fallen to 71% this term. Chris rang the Early Help front door himself.",
      working_well:
        "Dani's parents are united, loving and keen to work with school. Dani is bright, kind and still attends her Saturday swimming club. She has a good relationship with her form tutor.",
      worries:
        "Dani has panic attacks most mornings and has missed a day or more each week. She spends long hours in her room and has stopped seeing friends after school. Chris and Ana disagree about whether to push her to go in, which leads to arguments at home.",
      analysis:
        "Dani's anxiety is real and has grown with each missed day; the longer she is out, the harder return feels. Her strengths and her parents' commitment suggest a graded return with emotional support in school will work, if home and school give her the same message.",
      next_steps:
        "A quiet start in the library for first lesson; a referral to the school-based counselling service; a shared morning plan so Chris and Ana respond the same way; first TAC within 15 working days of sign-off.",
    },
    childVoices: [
      {
        memberId: ids.dani,
        text: "It starts when I see the gates. My heart goes really fast and I think everyone's looking. I want to go back, I just want it to be quieter at first.",
      },
    ],
    parentVoices: [
      {
        memberId: ids.chris,
        text: "We don't know whether to make her go or let her stay. We just want our Dani back to how she was.",
      },
      {
        memberId: ids.ana,
        text: "Through the interpreter: I worry when she is alone in her room. At home in Portugal I would ask my mother; here I do not know who to ask.",
      },
    ],
  }) satisfies AssessmentWords;
