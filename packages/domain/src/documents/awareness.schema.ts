import { z } from "zod";

/**
 * Awareness (presence) of one client of a live document, as the web editor
 * reads it: TipTap's CollaborationCaret reads `user` (stamped by the server
 * from the session, never taken from the client) and y-prosemirror's cursor
 * plugin reads `cursor`, two Yjs relative positions. Every other participant
 * renders these states, so anything else a client sends is dropped.
 */
const yId = z.object({
  client: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  clock: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
});

/** `Y.RelativePosition` as JSON: a position after `item`, or at the start/end of a type. */
export const relativePositionSchema = z
  .object({
    type: yId.nullish(),
    tname: z.string().max(100).nullish(),
    item: yId.nullish(),
    assoc: z.number().int().min(-1).max(1).nullish(),
  })
  .refine((p) => p.item != null || p.type != null || p.tname != null, "points nowhere");

/** y-prosemirror's selection: null when this client's editor has no focus. */
export const awarenessCursorSchema = z
  .object({ anchor: relativePositionSchema, head: relativePositionSchema })
  .nullable();

/** The identity the server stamps on every state (DESIGN §4: "stamped by the server"). */
export const presenceSchema = z.object({
  name: z.string().max(200),
  role: z.string().max(50),
  agency: z.string().max(200).nullable(),
  color: z.string().regex(/^#[0-9a-f]{6}$/i),
});
export type Presence = z.infer<typeof presenceSchema>;

export interface AwarenessState {
  user: Presence;
  cursor?: z.infer<typeof awarenessCursorSchema>;
}

/**
 * A client's awareness state as others may see it: the server's `user`, the
 * client's `cursor` only if it is one, and nothing else. Field by field, so
 * one malformed field does not cost the person their whole presence.
 */
export function sanitizeAwarenessState(
  state: Readonly<Record<string, unknown>>,
  user: Presence,
): AwarenessState {
  const sanitized: AwarenessState = { user };
  if ("cursor" in state) {
    const cursor = awarenessCursorSchema.safeParse(state.cursor);
    if (cursor.success) sanitized.cursor = cursor.data;
  }
  return sanitized;
}
