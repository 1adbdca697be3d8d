import { AccessRefused } from "@teamaround/domain";
import { createMiddleware } from "hono/factory";
import type { ApiEnv } from "../app-env";
import { recordAudit } from "../audit/record-audit";
import { statusForCode } from "../http/errors";

/**
 * Writes every family access the policy refused (`authorize` → 404 or 403) to
 * that family's audit log, after the error response is built. It runs after
 * any transaction of the request has rolled back, so the entry survives, and
 * it never changes the answer: an outsider still gets the same 404.
 */
export const auditRefusals = createMiddleware<ApiEnv>(async (c, next) => {
  await next();
  const error = c.error;
  if (!(error instanceof AccessRefused) || !c.var.actor) return;
  const { familyId, resource, action } = error.refused;
  try {
    await recordAudit(c.var.deps.db, c, {
      event: "access.refused",
      familyId,
      resourceType: resource,
      details: {
        action,
        outcome: "refused",
        status: statusForCode[error.code],
        method: c.req.method,
        path: c.req.path,
      },
    });
  } catch (err) {
    c.var.deps.logger.error({ err, familyId }, "could not audit a refused access");
  }
});
