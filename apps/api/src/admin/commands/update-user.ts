import type { z } from "@hono/zod-openapi";
import { type Executor, users } from "@teamaround/db";
import { AppError, isStaffRole } from "@teamaround/domain";
import { eq } from "drizzle-orm";
import { updateVersioned } from "../../shared/versioned-update";
import type { UpdateUserBody } from "../admin.schema";
import { getAuthorityUser } from "../present-admin";
import { assertActiveAgency, assertAgencyForRole } from "./account-checks";

export interface UpdateUserInput {
  authorityId: string;
  actorId: string;
  userId: string;
  /** The version the administrator read; a later change answers 409. */
  version: number;
  changes: Omit<z.infer<typeof UpdateUserBody>, "version">;
}

function refuse(path: string, message: string): AppError {
  return new AppError("unprocessable", message, [{ path, message }]);
}

/** Changes a staff account's name, title, agency or role; call inside a transaction. */
export async function updateUser(tx: Executor, input: UpdateUserInput) {
  const { authorityId, userId, changes } = input;
  const { user: target } = await getAuthorityUser(tx, authorityId, userId);
  const changesRole = changes.role !== undefined && changes.role !== target.role;
  if (!isStaffRole(target.role) && (changes.role !== undefined || changes.agencyId !== undefined)) {
    throw refuse(
      changes.role !== undefined ? "role" : "agencyId",
      "A family member's account has no role or agency to change.",
    );
  }
  if (changesRole && target.id === input.actorId) {
    throw refuse("role", "You cannot change your own role. Ask another administrator.");
  }
  const agencyId = changes.agencyId !== undefined ? changes.agencyId : target.agencyId;
  assertAgencyForRole(changes.role ?? target.role, agencyId);
  if (changes.agencyId) await assertActiveAgency(tx, authorityId, changes.agencyId);
  return updateVersioned(
    tx,
    users,
    { id: userId, scope: eq(users.authorityId, authorityId), expectedVersion: input.version },
    changes,
  );
}
