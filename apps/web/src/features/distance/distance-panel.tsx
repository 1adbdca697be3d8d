import { useQuery } from "@tanstack/react-query";
import { LoadFailed, Loading } from "../../components/layout/page-states";
import { PartBoundary } from "../../components/layout/part-boundary";
import { DistanceCharts } from "./distance-chart";
import { directionLabels, distanceQuery } from "./distance-queries";

/**
 * Distance travelled for staff: each need area's scores at assessment, each
 * review and closure, with the direction of travel. On the family page and in
 * the meeting room of a review meeting.
 */
export function DistancePanel({
  familyId,
  headingLevel = 2,
}: {
  familyId: string;
  headingLevel?: 2 | 3;
}) {
  const query = useQuery(distanceQuery(familyId));
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <section aria-labelledby="distance-heading" className="govuk-!-margin-bottom-6">
      <Heading className="govuk-heading-m" id="distance-heading">
        Distance travelled
      </Heading>
      {query.isPending ? <Loading what="Loading the scores" /> : null}
      {query.error ? <LoadFailed error={query.error} /> : null}
      {query.data ? (
        <PartBoundary what="the distance travelled">
          {query.data.data.series.length === 0 ? (
            <p className="govuk-body">No need area has been scored in this episode yet.</p>
          ) : (
            <>
              <p className="govuk-body">
                Direction of travel this episode:{" "}
                <strong>{directionLabels[query.data.data.direction].toLowerCase()}</strong> (more
                areas improved than got worse counts as improving).
              </p>
              <DistanceCharts distance={query.data.data} />
            </>
          )}
        </PartBoundary>
      ) : null}
    </section>
  );
}

/** The same, in plain words, for the family view. */
export function DistanceInPlainWords({ familyId }: { familyId: string }) {
  const query = useQuery(distanceQuery(familyId));
  if (query.isPending) return null;
  if (query.error) return <LoadFailed error={query.error} />;
  const words = query.data.data.plainWords;
  if (!words || query.data.data.series.length === 0) return null;
  return (
    <PartBoundary what="how things are going">
      <section aria-labelledby="how-things-are-going" className="govuk-!-margin-bottom-6">
        <h2 className="govuk-heading-m" id="how-things-are-going">
          How things are going
        </h2>
        <p className="govuk-body">{words.overall}</p>
        <ul className="govuk-list govuk-list--bullet">
          {words.areas.map((sentence) => (
            <li key={sentence}>{sentence}</li>
          ))}
        </ul>
      </section>
    </PartBoundary>
  );
}
