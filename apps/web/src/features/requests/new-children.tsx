import { Button, DateInput, ErrorMessage, Input } from "../../components/govuk";
import type { DateParts } from "../../lib/dates";

export interface NewChild {
  givenName: string;
  familyName: string;
  dateOfBirth: DateParts;
}

const blank: NewChild = {
  givenName: "",
  familyName: "",
  dateOfBirth: { day: "", month: "", year: "" },
};

/** The children of a family not yet known to the service, one fieldset each. */
export function NewChildren({
  rows,
  onChange,
  error,
}: {
  rows: NewChild[];
  onChange: (children: NewChild[]) => void;
  error?: string | undefined;
}) {
  const change = (index: number, patch: Partial<NewChild>) =>
    onChange(rows.map((child, i) => (i === index ? { ...child, ...patch } : child)));
  return (
    <div className={`govuk-form-group${error ? " govuk-form-group--error" : ""}`} id="children">
      <h2 className="govuk-heading-m">Children this is about</h2>
      {error ? <ErrorMessage id="children-error">{error}</ErrorMessage> : null}
      {rows.map((child, index) => (
        <fieldset
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are only appended
          key={index}
          className="govuk-fieldset govuk-!-margin-bottom-6"
        >
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">
            Child {index + 1}
          </legend>
          <Input
            id={`child-${index}-givenName`}
            label="First name"
            value={child.givenName}
            onChange={(givenName) => change(index, { givenName })}
          />
          <Input
            id={`child-${index}-familyName`}
            label="Last name"
            value={child.familyName}
            onChange={(familyName) => change(index, { familyName })}
          />
          <DateInput
            id={`child-${index}-dateOfBirth`}
            legend="Date of birth (if known)"
            legendSize="s"
            hint="For example, 27 3 2017"
            value={child.dateOfBirth}
            onChange={(dateOfBirth) => change(index, { dateOfBirth })}
          />
        </fieldset>
      ))}
      <Button variant="secondary" onClick={() => onChange([...rows, { ...blank }])}>
        Add another child
      </Button>
    </div>
  );
}
