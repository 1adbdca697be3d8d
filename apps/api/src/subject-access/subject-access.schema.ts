import { z } from "@hono/zod-openapi";
import { safeLine } from "@teamaround/domain";
import { uuidParam } from "../http/openapi";

export const SubjectAccessParams = z.object({
  familyId: uuidParam("familyId"),
  memberId: uuidParam("memberId"),
});

export const StaffAccessParams = z.object({ userId: uuidParam("userId") });

export const FindFamilyQuery = z.object({
  reference: safeLine({ max: 60 }).openapi({ param: { name: "reference", in: "query" } }),
});

export const SubjectAccessFamily = z
  .object({
    familyId: z.uuid(),
    reference: z.string(),
    displayName: z.string(),
    members: z.array(
      z.object({
        memberId: z.uuid(),
        name: z.string(),
        kind: z.string(),
        relationship: z.string().nullable(),
      }),
    ),
  })
  .openapi("SubjectAccessFamily");

const Flagged = z.object({
  value: z.string(),
  thirdParty: z.literal(true),
  who: z.string().describe('Who they are to the person asking, e.g. "another family member"'),
});

export const SubjectAccessArchive = z
  .object({
    about: z.object({
      memberId: z.uuid(),
      familyId: z.uuid(),
      familyReference: z.string(),
      name: z.string(),
      madeAt: z.string(),
      madeBy: z.uuid(),
    }),
    thirdParties: z.string().describe("Who counts as a third party"),
    person: z.record(z.string(), z.unknown()),
    family: z.unknown(),
    otherMembers: z.array(z.unknown()),
    records: z.array(z.object({ table: z.string(), rows: z.array(z.unknown()) })),
    documents: z.array(z.object({ kind: z.string(), sections: z.unknown() })),
    reads: z.array(
      z.object({
        at: z.string(),
        what: z.string(),
        who: z.union([z.string(), Flagged]),
        role: z.string().nullable(),
      }),
    ),
  })
  .openapi("SubjectAccessArchive", {
    description:
      'Any string naming a third party is replaced by {"value", "thirdParty": true, "who"} for redaction review.',
  });

export const StaffAccessArchive = z
  .object({
    about: z.object({
      userId: z.uuid(),
      name: z.string(),
      madeAt: z.string(),
      madeBy: z.uuid(),
    }),
    account: z.record(z.string(), z.unknown()),
    sessions: z.array(z.record(z.string(), z.unknown())),
    devices: z.array(z.record(z.string(), z.unknown())),
    singleSignOnLinks: z.array(z.record(z.string(), z.unknown())),
    signIns: z.array(
      z.object({
        at: z.string(),
        event: z.string(),
        what: z.string(),
        ipAddress: z.string().nullable(),
      }),
    ),
    authored: z.array(
      z.object({
        table: z.string(),
        column: z.string(),
        count: z.number().int(),
        familyReferences: z.array(z.string()),
      }),
    ),
    events: z.array(
      z.object({
        at: z.string(),
        event: z.string(),
        what: z.string(),
        familyReference: z.string().nullable(),
        resourceType: z.string().nullable(),
      }),
    ),
    notices: z.array(z.record(z.string(), z.unknown())),
  })
  .openapi("StaffAccessArchive");
