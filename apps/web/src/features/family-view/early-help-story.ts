import type { components } from "../../api/schema";
import { formatDay } from "../../lib/dates";

export type Episode = components["schemas"]["Episode"];

/** Who asked, as the family would say it: "after your school asked". */
const askedWords: Record<NonNullable<Episode["askedBy"]>, string> = {
  family: "after you asked for it",
  school: "after your school asked",
  early_years: "after your nursery or early years setting asked",
  health: "after a health worker asked",
  police: "after the police asked",
  housing: "after your housing service asked",
  childrens_social_care: "after children's social care asked",
  adult_services: "after adult services asked",
  voluntary: "after a community service asked",
  other: "after a service working with you asked",
};

/** Why it ended, as the family would say it. */
const endWords: Record<NonNullable<Episode["closureReason"]>, string> = {
  outcomes_met: "because things had got better",
  stepped_up: "when children's social care took over helping your family",
  family_declined: "when you decided you did not want this help",
  moved_away: "when you moved away",
  other_service: "when another service took over helping your family",
};

function started(episode: Episode): string {
  const on = formatDay(episode.openedAt);
  if (episode.origin === "stepped_down") {
    return `Help started on ${on}, when children's social care passed your family back to Early Help.`;
  }
  return episode.askedBy
    ? `Help started on ${on} ${askedWords[episode.askedBy]}.`
    : `Help started on ${on}.`;
}

function outcomesMet(episode: Episode): string | null {
  const results = episode.outcomeResults;
  if (results.length === 0) return null;
  const met = results.filter((r) => r.result === "met").length;
  const things = results.length === 1 ? "thing" : "things";
  return `You reached ${met} of the ${results.length} ${things} you wanted to change.`;
}

/**
 * One time with Early Help in plain sentences: when and why it started, when
 * the plan was put in place, and when and why it ended. No notes.
 */
export function storyOf(episode: Episode): string[] {
  const sentences = [started(episode)];
  if (episode.planInPlaceAt) {
    sentences.push(`Your plan was put in place on ${formatDay(episode.planInPlaceAt)}.`);
  }
  if (episode.closedAt && episode.closureReason) {
    sentences.push(
      `It ended on ${formatDay(episode.closedAt)}, ${endWords[episode.closureReason]}.`,
    );
    const met = outcomesMet(episode);
    if (met) sentences.push(met);
  } else {
    sentences.push("This help is still going on.");
  }
  return sentences;
}
