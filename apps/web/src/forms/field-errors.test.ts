import { describe, expect, it } from "vitest";
import { ApiError } from "../api/errors";
import { errorsFromClientIssues, formErrorsFrom } from "./field-errors";

const fields = {
  text: { id: "text", label: "What will happen" },
  dueDate: { id: "dueDate-day", label: "Due date" },
  owners: { id: "owners", label: "Who will do it" },
};

function unprocessable(details: unknown) {
  return ApiError.fromResponse(422, {
    error: { code: "unprocessable", message: "The action cannot be saved.", details },
  });
}

describe("errors from the API's details", () => {
  it("puts each named field's message beside it and links the summary to the field", () => {
    const errors = formErrorsFrom(
      unprocessable([{ path: "dueDate", message: "must be today or later" }]),
      fields,
    );
    expect(errors?.fields).toEqual({ dueDate: "Must be today or later" });
    expect(errors?.summary).toEqual([
      { href: "#dueDate-day", text: "Due date: must be today or later" },
    ]);
  });

  it("maps a nested path to the field it belongs to", () => {
    const errors = formErrorsFrom(
      unprocessable([
        { path: "owners.1.userId", message: "is not a practitioner in this family's team" },
      ]),
      fields,
    );
    expect(errors?.fields.owners).toBe("Is not a practitioner in this family's team");
    expect(errors?.summary[0]?.href).toBe("#owners");
  });

  it("keeps a problem with no matching field in the summary, without a link", () => {
    const errors = formErrorsFrom(
      unprocessable([{ path: "version", message: "must be a number" }]),
      fields,
    );
    expect(errors?.fields).toEqual({});
    expect(errors?.summary).toEqual([{ text: "version: must be a number" }]);
  });

  it("shows the message alone when the API names no field (403, 409, 429)", () => {
    const errors = formErrorsFrom(
      ApiError.fromResponse(403, {
        error: { code: "forbidden", message: "Only the lead professional can do this." },
      }),
      fields,
    );
    expect(errors).toEqual({
      summary: [{ text: "Only the lead professional can do this." }],
      fields: {},
    });
  });

  it("leaves a stale version to its own notice", () => {
    const stale = ApiError.fromResponse(409, {
      error: { code: "stale_version", message: "Someone else changed this." },
    });
    expect(formErrorsFrom(stale, fields)).toBeNull();
  });

  it("ignores details that are not a list of field problems", () => {
    const conflict = ApiError.fromResponse(409, {
      error: { code: "conflict", message: "Already in the team.", details: { membershipId: "x" } },
    });
    expect(formErrorsFrom(conflict, fields)?.summary).toEqual([{ text: "Already in the team." }]);
  });

  it("words problems found before sending in full, linked to their field", () => {
    const errors = errorsFromClientIssues(
      [{ field: "text", message: "Enter what will happen" }],
      fields,
    );
    expect(errors.summary).toEqual([{ href: "#text", text: "Enter what will happen" }]);
    expect(errors.fields.text).toBe("Enter what will happen");
  });
});
