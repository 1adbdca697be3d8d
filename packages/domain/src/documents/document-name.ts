import { z } from "zod";

/**
 * One Yjs document per family and audience (DESIGN §4), because permissions
 * below the level of a document cannot be enforced in a CRDT.
 */
export const documentKinds = ["plan", "voice", "notes"] as const;
export type DocumentKind = (typeof documentKinds)[number];

export interface DocumentRef {
  kind: DocumentKind;
  familyId: string;
}

/** `plan:<familyId>`, `voice:<familyId>` or `notes:<familyId>`; nothing else is a document. */
export const documentNameSchema = z
  .string()
  .max(100)
  .transform((name, ctx): DocumentRef => {
    const [kind, familyId, ...rest] = name.split(":");
    const parsedKind = z.enum(documentKinds).safeParse(kind);
    const parsedId = z.uuid().safeParse(familyId);
    if (rest.length > 0 || !parsedKind.success || !parsedId.success) {
      ctx.addIssue({ code: "custom", message: "not a document name" });
      return z.NEVER;
    }
    return { kind: parsedKind.data, familyId: parsedId.data.toLowerCase() };
  });

/** The document a name stands for, or null for anything that is not one. */
export function parseDocumentName(name: string): DocumentRef | null {
  const parsed = documentNameSchema.safeParse(name);
  return parsed.success ? parsed.data : null;
}

export function formatDocumentName(ref: DocumentRef): string {
  return `${ref.kind}:${ref.familyId}`;
}
