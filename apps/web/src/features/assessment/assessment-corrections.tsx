import { useQuery } from "@tanstack/react-query";
import type { FamilyAbilities } from "../../api/types";
import { RecordCorrections } from "../corrections/record-corrections";
import { episodesQuery } from "../family/episode-queries";
import type { Assessment } from "./assessment-queries";

/** Beneath an assessment whose episode has closed: its corrections (staff only). */
export function AssessmentCorrections({
  familyId,
  assessment,
  abilities,
}: {
  familyId: string;
  assessment: Assessment;
  abilities: FamilyAbilities;
}) {
  const episodes = useQuery({
    ...episodesQuery(familyId),
    enabled: abilities.correction.read && abilities.episode.read,
  });
  const episode = episodes.data?.data.find((e) => e.id === assessment.episodeId);
  if (episode?.status !== "closed") return null;
  return (
    <RecordCorrections
      familyId={familyId}
      recordKind="assessment"
      recordId={assessment.id}
      headingLevel={2}
    />
  );
}
