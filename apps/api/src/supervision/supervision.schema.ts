import { z } from "@hono/zod-openapi";
import { FamilyAbilitiesSchema } from "@teamaround/domain";
import { PersonRefSchema } from "../assessment/assessment.schema";

export const SupervisionNoteSchema = z
  .object({
    id: z.uuid(),
    familyId: z.uuid(),
    episodeId: z.uuid(),
    manager: PersonRefSchema,
    lead: PersonRefSchema.describe("The lead professional supervised"),
    heldOn: z.string().describe("YYYY-MM-DD"),
    discussion: z.string(),
    decisions: z.string(),
    nextOn: z.string().nullable().describe("The next supervision, YYYY-MM-DD"),
    createdAt: z.string(),
  })
  .openapi("SupervisionNote");

export const SupervisionNoteResult = z.object({
  data: SupervisionNoteSchema,
  abilities: FamilyAbilitiesSchema,
});

export const SupervisionNoteList = z.object({
  data: z.array(SupervisionNoteSchema).describe("Newest first"),
  abilities: FamilyAbilitiesSchema,
});
