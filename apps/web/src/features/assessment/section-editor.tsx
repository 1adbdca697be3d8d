import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { api, unwrap } from "../../api/client";
import { Button, Textarea } from "../../components/govuk";
import { FormProblems } from "../../forms/form-problems";
import { useApiForm } from "../../forms/use-api-form";
import { familyKey } from "../family/family-queries";
import type { AssessmentSection } from "./assessment-queries";

export interface SectionEntry {
  section: AssessmentSection;
  memberId?: string;
  text: string;
  version: number;
  updatedAt: string | null;
  updatedBy: { name: string } | null;
}

interface SectionEditorProps {
  familyId: string;
  assessmentId: string;
  entry: SectionEntry;
  title: string;
  hint?: string;
  canWrite: boolean;
}

/** Written words kept as the writer typed them: paragraphs on blank lines. */
export function WrittenText({ text }: { text: string }) {
  if (!text.trim()) return <p className="govuk-body govuk-hint">Not written yet.</p>;
  return (
    <>
      {text.split(/\n{2,}/).map((paragraph, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs of one fixed text
        <p className="govuk-body" key={index}>
          {paragraph}
        </p>
      ))}
    </>
  );
}

/**
 * One section of the assessment, saved on its own with the version it was
 * read at: if someone else saved it first, nothing is overwritten and the
 * writer is asked to reload.
 */
export function SectionEditor({
  familyId,
  assessmentId,
  entry,
  title,
  hint,
  canWrite,
}: SectionEditorProps) {
  const queryClient = useQueryClient();
  const [text, setText] = useState(entry.text);
  const id = `section-${entry.section}${entry.memberId ? `-${entry.memberId}` : ""}`;
  const refresh = () => queryClient.invalidateQueries({ queryKey: familyKey(familyId) });
  const form = useApiForm({
    fields: { text: { id, label: title } },
    submit: () =>
      unwrap(
        api.PUT("/api/families/{familyId}/assessments/{assessmentId}/entries", {
          params: { path: { familyId, assessmentId } },
          body: {
            section: entry.section,
            ...(entry.memberId ? { memberId: entry.memberId } : {}),
            text,
            version: entry.version,
          },
        }),
      ),
    onSuccess: () => refresh(),
  });
  const who = entry.updatedBy ? ` by ${entry.updatedBy.name}` : "";
  if (!canWrite) {
    return (
      <section className="govuk-!-margin-bottom-6" aria-labelledby={`${id}-heading`}>
        <h3 className="govuk-heading-s" id={`${id}-heading`}>
          {title}
        </h3>
        <WrittenText text={entry.text} />
      </section>
    );
  }
  return (
    <form noValidate onSubmit={form.handleSubmit(undefined)} className="govuk-!-margin-bottom-6">
      <FormProblems form={form} onReload={refresh} />
      <Textarea
        id={id}
        label={title}
        labelClassName="govuk-label--s"
        hint={hint}
        rows={6}
        value={text}
        onChange={setText}
        error={form.fieldError("text")}
      />
      <div className="govuk-button-group">
        <Button type="submit" variant="secondary" disabled={form.pending || text === entry.text}>
          Save<span className="govuk-visually-hidden"> {title.toLowerCase()}</span>
        </Button>
        {entry.updatedAt ? (
          <p className="govuk-body-s govuk-!-margin-bottom-0">Last saved{who}.</p>
        ) : null}
      </div>
    </form>
  );
}
