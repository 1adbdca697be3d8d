import { z } from "@hono/zod-openapi";
import { documentKinds, meetingKinds } from "@teamaround/domain";
import { uuidParam } from "../http/openapi";

export const VersionParams = z.object({
  familyId: uuidParam("familyId"),
  versionId: uuidParam("versionId"),
});

export const DiffQuery = z.object({
  against: z
    .uuid({ message: "against must be a UUID" })
    .optional()
    .openapi({
      param: { name: "against", in: "query" },
      description: "Default: the version before",
    }),
});

export const VersionSummarySchema = z
  .object({
    id: z.uuid(),
    number: z.number().int(),
    meeting: z.object({ id: z.uuid(), kind: z.enum(meetingKinds), endedAt: z.string() }),
    createdAt: z.string(),
    hash: z.string().describe("SHA-256 of the canonical JSON of { content, snapshots }"),
  })
  .openapi("PlanVersionSummary");

export const VersionSchema = VersionSummarySchema.extend({
  content: z
    .record(z.string(), z.unknown())
    .describe("What the version records (see PlanVersionContent)"),
  snapshots: z
    .record(z.string(), z.string())
    .describe("Each document's Yjs state, base64; documents you may not open are left out"),
  hiddenDocuments: z.array(z.enum(documentKinds)),
}).openapi("PlanVersion");

const TextPartSchema = z.object({
  kind: z.enum(["added", "removed", "unchanged"]),
  text: z.string(),
});
const FieldChangeSchema = z.object({ field: z.string(), before: z.unknown(), after: z.unknown() });
const RecordChangeSchema = z.object({
  id: z.uuid(),
  after: z.record(z.string(), z.unknown()),
  changes: z.array(FieldChangeSchema),
});
const RecordSchema = z.record(z.string(), z.unknown());

export const VersionDiffSchema = z
  .object({
    from: VersionSummarySchema.nullable().describe("null: compared with an empty plan"),
    to: VersionSummarySchema,
    sections: z.array(
      z.object({
        document: z.enum(documentKinds),
        section: z.string(),
        changed: z.boolean(),
        parts: z.array(TextPartSchema),
      }),
    ),
    actions: z.object({
      added: z.array(RecordSchema),
      changed: z.array(RecordChangeSchema),
      done: z.array(RecordChangeSchema),
      removed: z.array(RecordSchema),
    }),
    outcomes: z.object({ added: z.array(RecordSchema), changed: z.array(RecordChangeSchema) }),
  })
  .openapi("PlanVersionDiff");
