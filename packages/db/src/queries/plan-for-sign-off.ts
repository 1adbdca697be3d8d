import {
  formatDocumentName,
  readStoredDocument,
  type SignOffPlan,
  signOffPlanFormat,
} from "@teamaround/domain";
import type { Executor } from "../client";
import { loadDocumentParts } from "./document-parts";
import { loadActions, loadOutcomes } from "./plan-version-content";

/**
 * The plan of an episode as it stands, as a manager signs it off: the plan
 * document's words and the episode's outcomes and actions. Read it inside a
 * repeatable-read transaction (`inRepeatableRead`), as a plan version is, so
 * a compaction of the document log cannot be seen half done.
 */
export async function loadPlanForSignOff(
  db: Executor,
  familyId: string,
  episodeId: string,
): Promise<SignOffPlan> {
  const parts = await loadDocumentParts(db, formatDocumentName({ kind: "plan", familyId }));
  const { sections } = readStoredDocument("plan", parts);
  return {
    format: signOffPlanFormat,
    sections,
    outcomes: await loadOutcomes(db, familyId, episodeId),
    actions: await loadActions(db, familyId, episodeId),
  };
}
