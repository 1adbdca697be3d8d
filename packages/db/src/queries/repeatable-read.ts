import type { Database, Transaction } from "../client";

/** Serialization failure, deadlock, and a unique key taken by a concurrent writer. */
const retryable = new Set(["40001", "40P01", "23505"]);

function errorCode(error: unknown): string | undefined {
  for (let e: unknown = error; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string") return code;
  }
  return undefined;
}

/**
 * Runs `work` in one repeatable-read transaction, so everything it reads is
 * one consistent moment of the database, retrying when a concurrent writer
 * makes that impossible.
 */
export async function inRepeatableRead<T>(
  db: Database,
  work: (tx: Transaction) => Promise<T>,
  attempts = 4,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction(work, { isolationLevel: "repeatable read" });
    } catch (error) {
      const code = errorCode(error);
      if (attempt >= attempts || !code || !retryable.has(code)) throw error;
    }
  }
}
