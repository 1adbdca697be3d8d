import { z } from "@hono/zod-openapi";
import {
  adminInvitableRoles,
  agencyTypes,
  hasChanges,
  noChangesIssue,
  safeLine,
  safeText,
  userRoles,
  userStatuses,
} from "@teamaround/domain";
import { uuidParam, versionField } from "../http/openapi";

export const AgencySchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    type: z.enum(agencyTypes),
    active: z.boolean(),
    contactEmail: z
      .string()
      .nullable()
      .optional()
      .describe(
        "Administrators only: where the agency is told, by email, that consent to share with it was withdrawn (null: none given)",
      ),
    version: z.number().int().describe("Send it back when changing the agency"),
    createdAt: z.string(),
  })
  .openapi("Agency");

const agencyName = safeLine({ max: 120 });
/** An agency's contact address: a team inbox that receives its safeguarding notices. */
const contactEmail = z
  .email()
  .toLowerCase()
  .max(320)
  .describe("A team inbox, told when consent to share with the agency is withdrawn");

export const CreateAgencyBody = z
  .strictObject({
    name: agencyName,
    type: z.enum(agencyTypes),
    contactEmail: contactEmail.optional(),
  })
  .openapi("CreateAgency");

export const UpdateAgencyBody = z
  .strictObject({
    version: versionField.describe("The version you read; another change since answers 409"),
    name: agencyName.optional(),
    type: z.enum(agencyTypes).optional(),
    active: z.boolean().optional(),
    contactEmail: contactEmail.nullable().optional().describe("null removes it"),
  })
  .refine(hasChanges, noChangesIssue)
  .openapi("UpdateAgency");

export const AgencyParams = z.object({ agencyId: uuidParam("agencyId") });
export const UserParams = z.object({ userId: uuidParam("userId") });

export const AgencyRefSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  type: z.enum(agencyTypes),
});

export const AdminUserSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    displayName: z.string(),
    jobTitle: z.string().nullable(),
    role: z.enum(userRoles),
    agency: AgencyRefSchema.nullable(),
    status: z.enum(userStatuses),
    totpEnabled: z.boolean(),
    createdAt: z.string(),
    deactivatedAt: z.string().nullable(),
    version: z
      .number()
      .int()
      .describe("Send it back when changing the account; deactivating and reactivating raise it"),
  })
  .openapi("AdminUser");

export const ListUsersQuery = z.object({
  role: z.enum(userRoles).optional(),
  status: z.enum(userStatuses).optional(),
  q: safeLine({ min: 0, max: 100 }).optional().describe("Part of a name or email"),
});

const staffRole = z.enum(adminInvitableRoles);
const displayName = safeLine({ max: 120 });
const jobTitle = safeLine({ max: 120 });

export const CreateUserBody = z
  .strictObject({
    email: z.email().toLowerCase().max(320),
    displayName,
    jobTitle: jobTitle.optional(),
    role: staffRole.describe("Family members are invited by their lead professional, not here"),
    agencyId: z
      .uuid()
      .optional()
      .describe("Required for practitioners and managers: an active agency of this authority"),
  })
  .openapi("CreateUser");

export const UpdateUserBody = z
  .strictObject({
    version: versionField.describe("The version you read; another change since answers 409"),
    displayName: displayName.optional(),
    jobTitle: jobTitle.nullable().optional(),
    agencyId: z.uuid().nullable().optional(),
    role: staffRole.optional(),
  })
  .refine(hasChanges, noChangesIssue)
  .openapi("UpdateUser");

export const DeactivateUserBody = z
  .strictObject({ reason: safeText({ max: 500 }) })
  .openapi("DeactivateUser");

export const SetPasswordLinkSchema = z.object({
  expiresAt: z.string(),
  setPasswordUrl: z
    .string()
    .optional()
    .describe("Demo mode only (the local outbox, outside production): the link is not emailed"),
});
