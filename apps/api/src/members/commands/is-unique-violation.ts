/** Whether a database error is a unique-index violation (PostgreSQL 23505), however the driver wraps it. */
export function isUniqueViolation(err: unknown): boolean {
  const codeOf = (e: unknown) =>
    typeof e === "object" && e !== null && "code" in e ? (e as { code: unknown }).code : undefined;
  const cause = typeof err === "object" && err !== null && "cause" in err ? err.cause : undefined;
  return codeOf(err) === "23505" || codeOf(cause) === "23505";
}
