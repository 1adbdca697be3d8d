import { useQuery } from "@tanstack/react-query";
import { Tag } from "../../components/govuk";
import { LoadFailed, Loading } from "../../components/layout/page-states";
import { formatDateTime } from "../../lib/dates";
import { documentTitles, sectionLabels } from "../plan/document-labels";
import { type VersionDiff, versionDiffQuery, versionQuery } from "./meeting-queries";

type Diff = VersionDiff;

const text = (record: Record<string, unknown>, key: string) =>
  typeof record[key] === "string" ? (record[key] as string) : "";

/** The plan version a meeting stored when it ended, and what changed since the one before. */
export function MeetingVersion({ familyId, versionId }: { familyId: string; versionId: string }) {
  const version = useQuery(versionQuery(familyId, versionId));
  const diff = useQuery(versionDiffQuery(familyId, versionId));
  return (
    <section aria-labelledby="stored-version">
      <h2 className="govuk-heading-m" id="stored-version">
        The plan as it was agreed
      </h2>
      {version.isPending ? <Loading /> : null}
      {version.error ? <LoadFailed error={version.error} /> : null}
      {version.data ? (
        <dl className="govuk-summary-list">
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Version</dt>
            <dd className="govuk-summary-list__value">
              {version.data.data.number}, stored {formatDateTime(version.data.data.createdAt)}
            </dd>
          </div>
        </dl>
      ) : null}
      <h2 className="govuk-heading-m">What changed since the last review</h2>
      {diff.isPending ? <Loading /> : null}
      {diff.error ? <LoadFailed error={diff.error} /> : null}
      {diff.data ? <DiffView diff={diff.data.data} /> : null}
    </section>
  );
}

function DiffView({ diff }: { diff: Diff }) {
  const changed = diff.sections.filter((s) => s.changed);
  const { actions, outcomes } = diff;
  const nothing =
    changed.length === 0 &&
    [
      actions.added,
      actions.changed,
      actions.done,
      actions.removed,
      outcomes.added,
      outcomes.changed,
    ].every((list) => list.length === 0);
  return (
    <div data-testid="version-diff">
      <p className="govuk-body">
        {diff.from
          ? `Compared with version ${diff.from.number}, from the meeting on ${formatDateTime(diff.from.meeting.endedAt)}.`
          : "This is the first stored version, so everything in it is new."}
      </p>
      {nothing ? <p className="govuk-body">Nothing changed.</p> : null}
      {changed.map((s) => (
        <div key={`${s.document}:${s.section}`} className="app-diff-section">
          <h3 className="govuk-heading-s">
            {documentTitles[s.document].staff}: {sectionLabels[s.section]?.staff ?? s.section}
          </h3>
          <p className="govuk-body app-diff">
            {s.parts.map((part, index) =>
              part.kind === "added" ? (
                // biome-ignore lint/suspicious/noArrayIndexKey: parts have no id and never reorder
                <ins key={index}>{part.text}</ins>
              ) : part.kind === "removed" ? (
                // biome-ignore lint/suspicious/noArrayIndexKey: parts have no id and never reorder
                <del key={index}>{part.text}</del>
              ) : (
                // biome-ignore lint/suspicious/noArrayIndexKey: parts have no id and never reorder
                <span key={index}>{part.text}</span>
              ),
            )}
          </p>
        </div>
      ))}
      <RecordList title="Outcomes added" items={outcomes.added.map((o) => text(o, "title"))} />
      <RecordList
        title="Outcomes changed"
        items={outcomes.changed.map((o) => text(o.after, "title"))}
      />
      <RecordList title="Actions added" items={actions.added.map((a) => text(a, "text"))} />
      <RecordList
        title="Actions done"
        tag="Done"
        items={actions.done.map((a) => text(a.after, "text"))}
      />
      <RecordList
        title="Actions changed"
        items={actions.changed.map((a) => text(a.after, "text"))}
      />
      <RecordList title="Actions removed" items={actions.removed.map((a) => text(a, "text"))} />
    </div>
  );
}

function RecordList({ title, items, tag }: { title: string; items: string[]; tag?: string }) {
  if (items.length === 0) return null;
  return (
    <>
      <h3 className="govuk-heading-s">{title}</h3>
      <ul className="govuk-list govuk-list--bullet">
        {items.map((item, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the same text may appear twice
          <li key={index}>
            {item}
            {tag ? (
              <>
                {" "}
                <Tag colour="green">{tag}</Tag>
              </>
            ) : null}
          </li>
        ))}
      </ul>
    </>
  );
}
