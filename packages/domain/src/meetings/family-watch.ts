import { z } from "zod";

/**
 * `family:watch` / `family:unwatch`: a page outside a meeting (the plan page,
 * the family view) asks to hear of changes to one family's records as live
 * `notice`s. The client names the family only; the server decides whether it
 * may (the family-read policy) and which of the family's rooms it joins.
 */
export const FamilyWatchPayload = z.strictObject({
  familyId: z.uuid({ message: "familyId must be a UUID" }),
});
export type FamilyWatchPayload = z.infer<typeof FamilyWatchPayload>;

/** What a watching socket is told when it starts to watch. */
export interface FamilyWatching {
  familyId: string;
}
