import { z } from "@hono/zod-openapi";
import { agencyTypes, safeLine } from "@teamaround/domain";

export const DirectoryQuery = z.object({
  q: safeLine({ min: 0, max: 100 })
    .min(2, { message: "type at least 2 characters" })
    .optional()
    .openapi({ param: { name: "q", in: "query" } })
    .describe("Part of a name or email address"),
  agencyId: z
    .uuid({ message: "agencyId must be a UUID" })
    .optional()
    .openapi({ param: { name: "agencyId", in: "query" } }),
});

export const DirectoryEntrySchema = z
  .object({
    id: z.uuid(),
    displayName: z.string(),
    jobTitle: z.string().nullable(),
    agency: z.object({ id: z.uuid(), name: z.string(), type: z.enum(agencyTypes) }),
  })
  .openapi("DirectoryEntry");

export const DirectoryList = z.object({ data: z.array(DirectoryEntrySchema) });
