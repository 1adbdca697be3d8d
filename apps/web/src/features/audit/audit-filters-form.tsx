import { type AuditKind, auditKindLabels, auditKinds } from "@teamaround/domain";
import { type FormEvent, useState } from "react";
import type { AuditPerson } from "../../api/types";
import { Button, DateInput, Select } from "../../components/govuk";
import { type DateParts, datePartsToIso, isDateEmpty, isoToDateParts } from "../../lib/dates";
import type { AuditSearch } from "./audit-queries";

const isKind = (value: string): value is AuditKind =>
  (auditKinds as readonly string[]).includes(value);

/** The person, kind and date filters of the audit log (GOV.UK form controls). */
export function AuditFiltersForm({
  search,
  people,
  onApply,
}: {
  search: AuditSearch;
  people: AuditPerson[];
  onApply: (search: AuditSearch) => void;
}) {
  const [actorId, setActorId] = useState(search.actorId ?? "");
  const [kind, setKind] = useState<string>(search.kind ?? "");
  const [from, setFrom] = useState<DateParts>(isoToDateParts(search.from));
  const [to, setTo] = useState<DateParts>(isoToDateParts(search.to));
  const [errors, setErrors] = useState<{ from?: string; to?: string }>({});

  const apply = (event: FormEvent) => {
    event.preventDefault();
    const fromIso = isDateEmpty(from) ? undefined : datePartsToIso(from);
    const toIso = isDateEmpty(to) ? undefined : datePartsToIso(to);
    const found = {
      ...(fromIso === null ? { from: "Enter a real date, for example 2 3 2026" } : {}),
      ...(toIso === null ? { to: "Enter a real date, for example 2 3 2026" } : {}),
      ...(fromIso && toIso && fromIso > toIso
        ? { to: "The end date must be on or after the start" }
        : {}),
    };
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    onApply({
      actorId: actorId || undefined,
      kind: isKind(kind) ? kind : undefined,
      from: fromIso ?? undefined,
      to: toIso ?? undefined,
    });
  };

  return (
    <form noValidate onSubmit={apply} aria-label="Filter the audit log">
      <div className="app-inline-form">
        <Select
          id="actorId"
          label="Person"
          value={actorId}
          onChange={setActorId}
          options={[
            { value: "", label: "Everyone" },
            ...people.map((p) => ({
              value: p.id,
              label: p.agency ? `${p.name} (${p.agency})` : p.name,
            })),
          ]}
        />
        <Select
          id="kind"
          label="Kind"
          value={kind}
          onChange={setKind}
          options={[
            { value: "", label: "Everything" },
            ...auditKinds.map((k) => ({ value: k, label: auditKindLabels[k] })),
          ]}
        />
      </div>
      <DateInput
        id="from"
        legend="From"
        legendSize="s"
        value={from}
        onChange={setFrom}
        error={errors.from}
      />
      <DateInput id="to" legend="To" legendSize="s" value={to} onChange={setTo} error={errors.to} />
      <Button type="submit" variant="secondary">
        Filter
      </Button>
    </form>
  );
}
