import type { LevelOfNeed } from "../../api/types";
import { Button, ButtonGroup, Fieldset, Input } from "../../components/govuk";

/** As many levels as the API accepts: authorities' scales differ (four is common, five not rare). */
export const maxLevels = 10;

/** The authority's own scale: name and describe each level; add or remove the highest. */
export function LevelsOfNeedFields({
  levels,
  onChange,
  error,
}: {
  levels: LevelOfNeed[];
  onChange: (levels: LevelOfNeed[]) => void;
  error?: string | undefined;
}) {
  const setLevel = (index: number, change: Partial<LevelOfNeed>) =>
    onChange(levels.map((l, i) => (i === index ? { ...l, ...change } : l)));
  const highest = levels.at(-1)?.level ?? 0;
  return (
    <Fieldset legend="Levels of need" legendSize="m" describedBy="levels-of-need-hint">
      <div id="levels-of-need-hint" className="govuk-hint">
        Use your authority's own scale, of up to {maxLevels} levels. A family's changes of level are
        kept as history.
      </div>
      {error ? (
        <p className="govuk-error-message">
          <span className="govuk-visually-hidden">Error:</span> {error}
        </p>
      ) : null}
      {levels.map((l, index) => (
        <div key={l.level} className="govuk-!-margin-bottom-6">
          <h2 className="govuk-heading-s">Level {l.level}</h2>
          <Input
            id={`level-${l.level}-label`}
            label={`Level ${l.level} name`}
            value={l.label}
            onChange={(label) => setLevel(index, { label })}
          />
          <Input
            id={`level-${l.level}-description`}
            label={`Level ${l.level} description`}
            value={l.description}
            onChange={(description) => setLevel(index, { description })}
          />
        </div>
      ))}
      <ButtonGroup>
        {levels.length < maxLevels ? (
          <Button
            variant="secondary"
            onClick={() =>
              onChange([...levels, { level: highest + 1, label: "", description: "" }])
            }
          >
            Add level {highest + 1}
          </Button>
        ) : null}
        {levels.length > 1 ? (
          <Button variant="secondary" onClick={() => onChange(levels.slice(0, -1))}>
            Remove level {highest}
          </Button>
        ) : null}
      </ButtonGroup>
    </Fieldset>
  );
}
