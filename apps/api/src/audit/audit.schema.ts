import { z } from "@hono/zod-openapi";
import { auditKinds, userRoles } from "@teamaround/domain";

export const AuditLineSchema = z
  .object({
    id: z.number().int().describe("The newest event of the line; page back from it"),
    firstAt: z.string().describe("The first event of the line (the same as `at` for one event)"),
    at: z.string(),
    count: z.number().int().positive().describe("Reads in a row of the same thing, else 1"),
    actorId: z.uuid().nullable().describe("For the person filter; never shown"),
    actorName: z.string().nullable(),
    actorAgency: z.string().nullable(),
    actorRole: z.enum(userRoles).nullable(),
    event: z.string(),
    kind: z.enum(auditKinds).nullable(),
    words: z
      .string()
      .describe("The line in plain words, e.g. “Sam Okafor (Health Visiting) read the plan”"),
  })
  .openapi("AuditLine");

export const AuditPersonSchema = z
  .object({ id: z.uuid(), name: z.string(), agency: z.string().nullable() })
  .openapi("AuditPerson");

export const ReaderSchema = z
  .object({
    name: z.string(),
    agency: z.string().nullable(),
    role: z.string().describe("Their part in the team, in words"),
    lastAt: z.string(),
    reads: z.array(z.object({ what: z.string(), lastAt: z.string(), count: z.number().int() })),
  })
  .openapi("Reader");

export const FormerTeamReadSchema = z
  .object({
    name: z.string(),
    agency: z.string().nullable(),
    leftAt: z.string().describe("When they left the team"),
    what: z.string(),
    count: z.number().int(),
    firstAt: z.string(),
    lastAt: z.string(),
  })
  .openapi("FormerTeamRead");
