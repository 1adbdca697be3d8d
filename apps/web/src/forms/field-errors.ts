import { ApiError, type FieldIssue } from "../api/errors";
import type { ErrorSummaryItem } from "../components/govuk";

/** One field of a form: the element to link to, and the words the person sees as its label. */
export interface FieldSpec {
  id: string;
  label: string;
}

/** A form's fields, keyed by the API's body field name (the first part of an issue's path). */
export type FieldSpecs = Record<string, FieldSpec>;

export interface FormErrors {
  summary: ErrorSummaryItem[];
  /** Message shown beside each field, by field key */
  fields: Record<string, string>;
}

/** A problem found before sending, worded in full: "Enter a due date". */
export interface ClientIssue {
  field: string;
  message: string;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The field an API path belongs to: an exact key, else the longest key it starts with. */
export function fieldForPath(path: string, fields: FieldSpecs): string | undefined {
  if (fields[path]) return path;
  const candidates = Object.keys(fields).filter(
    (key) => path.startsWith(`${key}.`) || path.startsWith(`${key}[`),
  );
  return candidates.sort((a, b) => b.length - a.length)[0];
}

/** Turns the API's `details` into summary items and messages beside fields. */
export function errorsFromIssues(issues: FieldIssue[], fields: FieldSpecs): FormErrors {
  const result: FormErrors = { summary: [], fields: {} };
  for (const issue of issues) {
    const key = fieldForPath(issue.path, fields);
    const spec = key ? fields[key] : undefined;
    if (!key || !spec) {
      const where = issue.path ? `${issue.path}: ` : "";
      result.summary.push({ text: `${where}${issue.message}` });
      continue;
    }
    result.summary.push({ href: `#${spec.id}`, text: `${spec.label}: ${issue.message}` });
    result.fields[key] ??= capitalise(issue.message);
  }
  return result;
}

/**
 * What a form shows for an error: fields named in `details` get their message
 * beside them; anything else (403, 409 conflict, 429, …) is one summary line.
 * A stale version is not shown here: it has its own notice (see FormProblems).
 */
export function formErrorsFrom(error: unknown, fields: FieldSpecs): FormErrors | null {
  if (!error) return null;
  if (!(error instanceof ApiError)) {
    return { summary: [{ text: "Something went wrong. Try again." }], fields: {} };
  }
  if (error.isStaleVersion) return null;
  const issues = error.fieldIssues;
  if (issues.length > 0) {
    const mapped = errorsFromIssues(issues, fields);
    return mapped;
  }
  return { summary: [{ text: error.message }], fields: {} };
}

export function errorsFromClientIssues(issues: ClientIssue[], fields: FieldSpecs): FormErrors {
  const result: FormErrors = { summary: [], fields: {} };
  for (const issue of issues) {
    const spec = fields[issue.field];
    result.summary.push(
      spec ? { href: `#${spec.id}`, text: issue.message } : { text: issue.message },
    );
    result.fields[issue.field] ??= issue.message;
  }
  return result;
}

/** A small checker for required answers before anything is sent. */
export function required(
  checks: [field: string, missing: boolean, message: string][],
): ClientIssue[] {
  return checks.filter(([, missing]) => missing).map(([field, , message]) => ({ field, message }));
}
