import { ageOn } from "../shared/age";
import type { EpisodeRecord, RequestRecord } from "./figure-records";

/** What each figure can be split by. */
export const figureSplits = [
  "none",
  "lead_agency",
  "asking_agency",
  "locality",
  "level_of_need",
  "age_band",
] as const;
export type FigureSplit = (typeof figureSplits)[number];

/** Age bands of the youngest child when the episode opened. */
export const ageBands = ["0-4", "5-10", "11-15", "16+"] as const;
export type AgeBand = (typeof ageBands)[number];

/** The group a record falls in when nothing is known for the split. */
export const NOT_KNOWN = "not_known";
/** The one group of an unsplit figure. */
export const ALL = "all";
/** Asking "agency" of a family that asked for itself. */
export const FAMILY_ASKED = "family";
/** Asking "agency" of an episode that began with a step-down from social care. */
export const STEPPED_DOWN = "stepped_down";

export function ageBandOf(age: number): AgeBand {
  if (age <= 4) return "0-4";
  if (age <= 10) return "5-10";
  if (age <= 15) return "11-15";
  return "16+";
}

/** The youngest child's age band on the day the episode opened. */
export function episodeAgeBand(episode: EpisodeRecord): string {
  // ISO dates sort as strings; the latest birth date is the youngest child.
  const youngest = episode.childBirthDates
    .filter((d) => d <= episode.openedOn)
    .sort()
    .at(-1);
  if (youngest === undefined) return NOT_KNOWN;
  return ageBandOf(ageOn(youngest, episode.openedOn));
}

/** The group an episode (and everything recorded in it) is counted in. */
export function episodeGroup(episode: EpisodeRecord, split: FigureSplit): string {
  switch (split) {
    case "none":
      return ALL;
    case "lead_agency":
      return episode.leadAgencyId;
    case "asking_agency":
      return episode.askingAgency ?? STEPPED_DOWN;
    case "locality":
      return episode.locality ?? NOT_KNOWN;
    case "level_of_need":
      return String(episode.levelOfNeed);
    case "age_band":
      return episodeAgeBand(episode);
  }
}

/**
 * The group a request is counted in. A request names no family on record
 * until it is accepted, so its locality is the one the asker gave, and level
 * of need and age are not known.
 */
export function requestGroup(request: RequestRecord, split: FigureSplit): string {
  switch (split) {
    case "none":
      return ALL;
    case "lead_agency":
      return request.receivingAgencyId;
    case "asking_agency":
      return request.requesterAgencyId ?? FAMILY_ASKED;
    case "locality":
      return request.locality ?? NOT_KNOWN;
    default:
      return NOT_KNOWN;
  }
}
