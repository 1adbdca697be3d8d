import { type InformationKind, noticeDay, noticeMoment } from "@teamaround/domain";
import type { FamilyPlan } from "./family-plan";
import { makePrintout, type PrintoutHeader, type PrintoutWriter } from "./pdf-layout";
import { documentTitles, ownersInWords, sectionTitles } from "./printout-words";

const informationKindWords: Record<InformationKind, string> = {
  contact_details: "contact details",
  education: "education",
  health: "health",
  mental_health: "mental health",
  family_circumstances: "family circumstances",
  housing: "housing",
  finances: "money",
  offending: "offending",
  domestic_abuse: "domestic abuse",
  substance_use: "drug and alcohol use",
};

/** A live document's section is not bounded; a printout shows this much of each (about 7 pages). */
export const maxSectionCharacters = 20_000;

function drawSection(w: PrintoutWriter, text: string) {
  if (text.trim() === "") {
    w.paragraph("Nothing written yet.", { muted: true });
    return;
  }
  if (text.length <= maxSectionCharacters) {
    w.paragraph(text);
    return;
  }
  const cut = text.lastIndexOf("\n", maxSectionCharacters);
  w.paragraph(text.slice(0, cut > 0 ? cut : maxSectionCharacters));
  w.paragraph("This part is longer than a printout holds. The rest of it is in Teamaround.", {
    muted: true,
  });
}

function drawDocuments(w: PrintoutWriter, plan: FamilyPlan) {
  for (const document of plan.documents) {
    w.heading(documentTitles[document.kind] ?? document.kind);
    for (const [section, text] of Object.entries(document.sections)) {
      w.heading(sectionTitles[section] ?? section, 3);
      drawSection(w, text);
    }
  }
}

function drawOutcomes(w: PrintoutWriter, plan: FamilyPlan) {
  w.heading("What we want to happen");
  if (plan.outcomes.length === 0) w.paragraph("Nothing has been written down yet.");
  for (const outcome of plan.outcomes) {
    w.heading(outcome.status === "achieved" ? `${outcome.title} (we did it)` : outcome.title, 3);
    w.paragraph(
      `How we will know: ${outcome.measure}. We hope to get there by ${noticeDay(outcome.targetDate)}.`,
    );
    if (outcome.actions.length === 0) {
      w.paragraph("Nothing planned yet.", { muted: true });
      continue;
    }
    w.paragraph("What will happen and who will do it:");
    w.list(
      outcome.actions.map((a) => {
        const what = `${ownersInWords(a.owners)} will ${a.text.charAt(0).toLowerCase()}${a.text.slice(1)}`;
        return a.status === "done"
          ? `${what}. This is done.`
          : `${what}, by ${noticeDay(a.dueDate)}.`;
      }),
    );
  }
}

function drawTeam(w: PrintoutWriter, plan: FamilyPlan, leadTitle: string) {
  w.heading("The people helping your family");
  w.list(
    plan.team.map((p) => {
      const job = [p.jobTitle, p.agencyName && `at ${p.agencyName}`].filter(Boolean).join(" ");
      const lead = p.lead ? ` (your ${leadTitle.toLowerCase()})` : "";
      return `${p.name}${job ? `, ${job}` : ""}${lead}`;
    }),
  );
}

function drawShares(w: PrintoutWriter, plan: FamilyPlan) {
  w.heading("Information shared about your family");
  if (plan.shares.length === 0) {
    w.paragraph("Nothing has been shared yet.");
    return;
  }
  w.list(
    plan.shares.map((s) => {
      const to = s.toAgency?.name ?? s.toPerson ?? "another service";
      const from = s.fromAgency?.name ?? s.sharedBy.agency?.name ?? s.sharedBy.name;
      return `${noticeDay(s.sharedAt)}: ${from} shared information about ${informationKindWords[s.informationKind]} with ${to}. Why: ${s.purpose}`;
    }),
  );
}

/** The family's plan in the family's words: what "Our plan" shows, without its buttons. */
export function planPdf(plan: FamilyPlan, header: PrintoutHeader, leadTitle: string) {
  return makePrintout(header, (w) => {
    w.paragraph(
      `${plan.displayName}. This is the plan you made with the people helping your family. It says what you want to change, and who will do what.`,
    );
    if (plan.nextMeeting) {
      const where = plan.nextMeeting.location ? ` It is at ${plan.nextMeeting.location}.` : "";
      w.paragraph(
        plan.nextMeeting.live
          ? `Your family's meeting is happening now.${where}`
          : `Your next meeting is on ${noticeMoment(plan.nextMeeting.scheduledFor.toISOString())}.${where}`,
        { bold: true },
      );
    }
    drawOutcomes(w, plan);
    drawDocuments(w, plan);
    drawTeam(w, plan, leadTitle);
    drawShares(w, plan);
  });
}
