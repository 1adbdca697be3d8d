import { describe, expect, it } from "vitest";
import { describeError, logSafeSerializers } from "./describe-error";

class DriverError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly detail: string,
    readonly constraint?: string,
  ) {
    super(message);
    this.name = "PostgresError";
  }
}

const caseText = "Amberley Example told the school about the flat";

describe("describeError", () => {
  it("keeps the kind, the SQLSTATE and the constraint, never the message or the detail", () => {
    const error = new DriverError(
      `insert into families values ('${caseText}')`,
      "23505",
      `Key (name)=(${caseText}) already exists.`,
      "families_name_key",
    );
    const described = describeError(error);
    expect(described).toMatchObject({
      name: "PostgresError",
      code: "23505",
      constraint: "families_name_key",
    });
    expect(JSON.stringify(described)).not.toContain("Amberley");
  });

  it("reads the code from a wrapped driver error", () => {
    const wrapped = new Error(`Failed query: ${caseText}`, {
      cause: new DriverError(caseText, "22021", caseText),
    });
    const described = describeError(wrapped);
    expect(described.code).toBe("22021");
    expect(JSON.stringify(described)).not.toContain("Amberley");
  });

  it("describes things thrown that are not errors by their type only", () => {
    expect(describeError(caseText)).toEqual({ name: "string" });
    expect(describeError(undefined)).toEqual({ name: "undefined" });
  });

  it("is what a logger's err and error fields serialize to", () => {
    const error = new Error(caseText);
    expect(logSafeSerializers.err(error)).toEqual(describeError(error));
    expect(logSafeSerializers.error(error)).toEqual(describeError(error));
  });
});
