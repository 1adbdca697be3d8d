import type { z } from "@hono/zod-openapi";
import { type Executor, families, localAuthorities } from "@teamaround/db";
import { AppError, notFound } from "@teamaround/domain";
import { and, eq, isNotNull, ne, notInArray } from "drizzle-orm";
import { updateVersioned } from "../../shared/versioned-update";
import type { UpdateAuthorityBody } from "../authority.schema";

type Changes = Omit<z.infer<typeof UpdateAuthorityBody>, "version">;

function refuse(path: string, message: string): AppError {
  return new AppError("unprocessable", message, [{ path, message }]);
}

async function assertLevelsNotInUse(tx: Executor, authorityId: string, levels: number[]) {
  const [inUse] = await tx
    .select({ level: families.levelOfNeed })
    .from(families)
    .where(
      and(
        eq(families.authorityId, authorityId),
        ne(families.status, "closed"),
        notInArray(families.levelOfNeed, levels),
      ),
    )
    .limit(1);
  if (inUse) {
    throw new AppError(
      "conflict",
      `Level of need ${inUse.level} is still given to open cases, so it cannot be removed.`,
      [{ path: "levelsOfNeed", message: `level ${inUse.level} is in use` }],
    );
  }
}

async function assertLocalitiesNotInUse(tx: Executor, authorityId: string, localities: string[]) {
  const [inUse] = await tx
    .select({ locality: families.locality })
    .from(families)
    .where(
      and(
        eq(families.authorityId, authorityId),
        ne(families.status, "closed"),
        isNotNull(families.locality),
        localities.length > 0 ? notInArray(families.locality, localities) : undefined,
      ),
    )
    .limit(1);
  if (inUse?.locality) {
    throw new AppError(
      "conflict",
      `The locality "${inUse.locality}" is still given to open cases, so it cannot be removed.`,
      [{ path: "localities", message: `"${inUse.locality}" is in use` }],
    );
  }
}

function assertLocalitiesDistinct(localities: string[]) {
  const names = localities.map((l) => l.trim().toLowerCase());
  if (new Set(names).size !== names.length) {
    throw refuse("localities", "Each locality may appear only once.");
  }
}

/**
 * Checks the settings as they would stand after the change, then saves them
 * if they are still at the version the administrator read (else 409).
 */
export async function updateAuthority(
  tx: Executor,
  authorityId: string,
  version: number,
  changes: Changes,
) {
  const [current] = await tx
    .select()
    .from(localAuthorities)
    .where(eq(localAuthorities.id, authorityId));
  if (!current) throw notFound("That local authority");
  const min = changes.reviewMinWeeks ?? current.reviewMinWeeks;
  const max = changes.reviewMaxWeeks ?? current.reviewMaxWeeks;
  if (min > max) {
    const path = changes.reviewMinWeeks !== undefined ? "reviewMinWeeks" : "reviewMaxWeeks";
    throw refuse(path, "The earliest review cannot be later than the latest review.");
  }
  if (changes.levelsOfNeed) {
    const levels = changes.levelsOfNeed.map((l) => l.level);
    if (new Set(levels).size !== levels.length) {
      throw refuse("levelsOfNeed", "Each level of need may appear only once.");
    }
    await assertLevelsNotInUse(tx, authorityId, levels);
  }
  if (changes.localities) {
    assertLocalitiesDistinct(changes.localities);
    await assertLocalitiesNotInUse(tx, authorityId, changes.localities);
  }
  return updateVersioned(
    tx,
    localAuthorities,
    { id: authorityId, scope: undefined, expectedVersion: version },
    changes,
  );
}
