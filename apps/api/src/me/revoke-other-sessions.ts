import { type Executor, sessions } from "@teamaround/db";
import { and, eq, ne } from "drizzle-orm";

/** Signs the user out everywhere except the session making the request; answers the ended ids. */
export async function revokeOtherSessions(
  db: Executor,
  userId: string,
  currentSessionId: string,
): Promise<string[]> {
  const deleted = await db
    .delete(sessions)
    .where(and(eq(sessions.userId, userId), ne(sessions.id, currentSessionId)))
    .returning({ id: sessions.id });
  return deleted.map((row) => row.id);
}
