import { z } from "zod";
import { familyPermissions } from "./family-permissions";
import { globalPermissions } from "./global-policy";

function abilitiesSchema(table: Record<string, Record<string, unknown>>) {
  return z.object(
    Object.fromEntries(
      Object.entries(table).map(([resource, actions]) => [
        resource,
        z.object(Object.fromEntries(Object.keys(actions).map((action) => [action, z.boolean()]))),
      ]),
    ),
  );
}

/** The shape of `abilities` in API responses: resource → action → allowed. */
export const FamilyAbilitiesSchema = abilitiesSchema(familyPermissions);
export const GlobalAbilitiesSchema = abilitiesSchema(globalPermissions);
