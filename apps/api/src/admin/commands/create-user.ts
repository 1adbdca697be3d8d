import type { z } from "@hono/zod-openapi";
import { createInvitation } from "@teamaround/auth";
import { type Executor, users } from "@teamaround/db";
import { AppError } from "@teamaround/domain";
import type { CreateUserBody } from "../admin.schema";
import {
  assertActiveAgency,
  assertAgencyForRole,
  assertEmailFree,
  emailTaken,
  isUniqueViolation,
} from "./account-checks";

export interface CreateUserInput {
  authorityId: string;
  createdBy: string;
  body: z.infer<typeof CreateUserBody>;
  now: Date;
}

/** An invited staff account and its first set-password link; call inside a transaction. */
export async function createInvitedUser(tx: Executor, input: CreateUserInput) {
  const { body, authorityId } = input;
  assertAgencyForRole(body.role, body.agencyId);
  if (body.agencyId) await assertActiveAgency(tx, authorityId, body.agencyId);
  await assertEmailFree(tx, body.email);
  const user = await tx
    .insert(users)
    .values({
      authorityId,
      email: body.email,
      displayName: body.displayName,
      jobTitle: body.jobTitle ?? null,
      role: body.role,
      agencyId: body.agencyId ?? null,
      status: "invited",
    })
    .returning()
    .then((rows) => rows[0])
    .catch((error: unknown) => {
      // Two administrators adding the same email at once: the index decides.
      throw isUniqueViolation(error) ? emailTaken() : error;
    });
  if (!user) throw new AppError("internal", "The account was not saved.");
  const invitation = await createInvitation(tx, {
    userId: user.id,
    createdBy: input.createdBy,
    now: input.now,
  });
  return { user, invitation };
}
