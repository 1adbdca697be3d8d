import { createRoute, z } from "@hono/zod-openapi";
import type { Executor } from "@teamaround/db";
import { AppError, authorize, FamilyAbilitiesSchema } from "@teamaround/domain";
import type { ApiApp } from "../app-env";
import { publishFamilyChange } from "../events/publish-after-commit";
import { loadFamilyAccess, withAbilities } from "../families/family-access";
import { errorResponses, FamilyParams, jsonBody, jsonResponse } from "../http/openapi";
import { requireActor } from "../http/session";
import { isoDay } from "../shared/dates";
import { audienceOf, familySeenBy } from "../shared/family-audience";
import { addProgress } from "./commands/add-progress";
import { createAction } from "./commands/create-action";
import { type LoadedAction, loadActions } from "./commands/load-actions";
import { updateAction } from "./commands/update-action";
import {
  ActionParams,
  ActionSchema,
  AddProgressBody,
  CreateActionBody,
  ProgressNoteSchema,
  UpdateActionBody,
} from "./plan.schema";
import { presentAction, presentProgressNote } from "./present-action";

const tags = ["Plan"];
const ActionWithAbilities = z.object({ data: ActionSchema, abilities: FamilyAbilitiesSchema });

const createActionRoute = createRoute({
  method: "post",
  path: "/api/families/{familyId}/actions",
  tags,
  summary: "Add an action to an outcome: who does what by when",
  request: { params: FamilyParams, body: jsonBody(CreateActionBody) },
  responses: {
    201: jsonResponse(ActionWithAbilities, "The new action"),
    ...errorResponses(403, 404, 422),
  },
});

const updateActionRoute = createRoute({
  method: "patch",
  path: "/api/families/{familyId}/actions/{actionId}",
  tags,
  summary: "Change an action; a family member may only mark their own action done or open",
  request: { params: ActionParams, body: jsonBody(UpdateActionBody) },
  responses: {
    200: jsonResponse(ActionWithAbilities, "The updated action"),
    ...errorResponses(403, 404, 409, 422),
  },
});

const addProgressRoute = createRoute({
  method: "post",
  path: "/api/families/{familyId}/actions/{actionId}/progress",
  tags,
  summary: "Add a progress note to an action",
  request: { params: ActionParams, body: jsonBody(AddProgressBody) },
  responses: {
    201: jsonResponse(
      z.object({ data: ProgressNoteSchema, abilities: FamilyAbilitiesSchema }),
      "The new progress note",
    ),
    ...errorResponses(403, 404, 422),
  },
});

async function loadOne(db: Executor, familyId: string, actionId: string) {
  const [loaded] = await loadActions(db, familyId, { actionIds: [actionId] });
  if (!loaded) throw new AppError("internal", "The action could not be read back.");
  return loaded;
}

/** The audiences that must all include a family member for them to see the action. */
export const audienceChain = (action: LoadedAction) => [
  action.outcomeAudience,
  audienceOf(action.row),
];

export function registerActionRoutes(app: ApiApp): void {
  app.openapi(createActionRoute, async (c) => {
    const actor = requireActor(c);
    const { familyId } = c.req.valid("param");
    const body = c.req.valid("json");
    const { db, now } = c.var.deps;
    const { access } = await loadFamilyAccess(db, actor, familyId);
    authorize(access, "action", "create");
    const actionId = await createAction(c, { familyId, createdBy: actor.userId, body });
    const loaded = await loadOne(db, familyId, actionId);
    const seenBy = await familySeenBy(db, familyId, [audienceChain(loaded)]);
    await publishFamilyChange(c, familyId, "action", actionId, "created", seenBy);
    return c.json(withAbilities(presentAction(loaded, access, isoDay(now())), access), 201);
  });

  app.openapi(updateActionRoute, async (c) => {
    const actor = requireActor(c);
    const { familyId, actionId } = c.req.valid("param");
    const body = c.req.valid("json");
    const { db, now } = c.var.deps;
    const { access } = await loadFamilyAccess(db, actor, familyId);
    authorize(access, "action", "update");
    const before = await updateAction(c, access, actionId, body);
    const loaded = await loadOne(db, familyId, actionId);
    const seenBy = await familySeenBy(db, familyId, [audienceChain(before), audienceChain(loaded)]);
    await publishFamilyChange(c, familyId, "action", actionId, "updated", seenBy);
    return c.json(withAbilities(presentAction(loaded, access, isoDay(now())), access), 200);
  });

  app.openapi(addProgressRoute, async (c) => {
    const actor = requireActor(c);
    const { familyId, actionId } = c.req.valid("param");
    const input = c.req.valid("json");
    const { db } = c.var.deps;
    const { access } = await loadFamilyAccess(db, actor, familyId);
    authorize(access, "action", "add_progress");
    const row = await addProgress(c, access, actionId, input);
    const seenBy = await familySeenBy(db, familyId, [
      audienceChain(await loadOne(db, familyId, actionId)),
    ]);
    await publishFamilyChange(c, familyId, "action", actionId, "updated", seenBy);
    const authorName = c.var.user?.displayName ?? "";
    return c.json(
      withAbilities(presentProgressNote({ ...row, authorName, at: row.createdAt }), access),
      201,
    );
  });
}
