import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { ApiError } from "../api/errors";
import {
  type ClientIssue,
  errorsFromClientIssues,
  type FieldSpecs,
  type FormErrors,
  formErrorsFrom,
} from "./field-errors";

export interface ApiFormOptions<TInput, TResult> {
  fields: FieldSpecs;
  /** Problems to report before sending; an empty list sends the form */
  validate?: () => ClientIssue[];
  /** Builds the request from the form's state and sends it */
  submit: (input: TInput) => Promise<TResult>;
  onSuccess?: (result: TResult) => void | Promise<void>;
  /** A 401 here is an answer (a wrong password), not a lost session */
  expectsSignedOut?: boolean;
}

export interface ApiForm<TInput, TResult> {
  errors: FormErrors | null;
  /** Someone else changed the record since it was read (409 stale_version) */
  stale: boolean;
  pending: boolean;
  result: TResult | undefined;
  fieldError: (field: string) => string | undefined;
  handleSubmit: (input: TInput) => (event?: FormEvent) => void;
  reset: () => void;
}

/**
 * A form that sends one request: checks required answers first, then maps the
 * API's answer onto the error summary and the fields. Never retries a write.
 */
export function useApiForm<TInput, TResult>(
  options: ApiFormOptions<TInput, TResult>,
): ApiForm<TInput, TResult> {
  const [clientIssues, setClientIssues] = useState<ClientIssue[]>([]);
  const mutation = useMutation({
    mutationFn: options.submit,
    onSuccess: options.onSuccess,
    retry: false,
    meta: { expectsSignedOut: options.expectsSignedOut ?? false },
  });
  const errors =
    clientIssues.length > 0
      ? errorsFromClientIssues(clientIssues, options.fields)
      : formErrorsFrom(mutation.error, options.fields);
  return {
    errors,
    stale: mutation.error instanceof ApiError && mutation.error.isStaleVersion,
    pending: mutation.isPending,
    result: mutation.data,
    fieldError: (field) => errors?.fields[field],
    handleSubmit: (input) => (event) => {
      event?.preventDefault();
      if (mutation.isPending) return;
      const issues = options.validate?.() ?? [];
      setClientIssues(issues);
      if (issues.length > 0) {
        mutation.reset();
        return;
      }
      mutation.mutate(input);
    },
    reset: () => {
      setClientIssues([]);
      mutation.reset();
    },
  };
}
