import { z } from "@hono/zod-openapi";
import { agencyTypes, FamilyAbilitiesSchema, safeText, teamRoles } from "@teamaround/domain";
import { uuidParam } from "../http/openapi";

export const MembershipParams = z.object({
  familyId: uuidParam("familyId"),
  membershipId: uuidParam("membershipId"),
});

export const TeamQuery = z.object({
  includeFormer: z
    .enum(["true", "false"])
    .optional()
    .openapi({ param: { name: "includeFormer", in: "query" } })
    .describe("Staff only: also list people who have left the team"),
});

export const AgencySummarySchema = z
  .object({ id: z.uuid(), name: z.string(), type: z.enum(agencyTypes) })
  .openapi("AgencySummary");

export const TeamMembershipSchema = z
  .object({
    id: z.uuid().describe("The membership id"),
    userId: z.uuid(),
    displayName: z.string(),
    jobTitle: z.string().nullable(),
    agency: AgencySummarySchema.nullable(),
    role: z.enum(teamRoles),
    consentId: z.uuid().nullable(),
    lawfulBasisId: z
      .uuid()
      .nullable()
      .describe("Shown only to those who may read lawful-basis records"),
    addedAt: z.string(),
    removedAt: z.string().nullable(),
    removedReason: z.string().nullable(),
  })
  .openapi("TeamMembership");

export const TeamList = z.object({
  data: z.array(TeamMembershipSchema),
  abilities: FamilyAbilitiesSchema,
});
export const MembershipWithAbilities = z.object({
  data: TeamMembershipSchema,
  abilities: FamilyAbilitiesSchema,
});
export const HandoverResult = z.object({
  data: z.object({ lead: TeamMembershipSchema, previousLead: TeamMembershipSchema }),
  abilities: FamilyAbilitiesSchema,
});

export const AddTeamMemberBody = z
  .strictObject({
    userId: z.uuid(),
    consentId: z.uuid().optional(),
    lawfulBasisId: z.uuid().optional(),
  })
  .refine((b) => !(b.consentId && b.lawfulBasisId), {
    message: "name a consent or a lawful basis, not both",
    path: ["lawfulBasisId"],
  })
  .openapi("AddTeamMember", {
    description:
      "Name the consent or lawful basis the practitioner joins on, or neither to let the server find one that covers their agency.",
  });

export const RemoveTeamMemberBody = z
  .strictObject({ reason: safeText({ max: 1000 }) })
  .openapi("RemoveTeamMember");

export const HandOverLeadBody = z
  .strictObject({ membershipId: z.uuid().describe("The active team membership to become lead") })
  .openapi("HandOverLead");
