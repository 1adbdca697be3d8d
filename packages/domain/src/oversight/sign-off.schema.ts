import { z } from "zod";
import { safeText } from "../shared/text.schema";

/** A manager returning a closure proposal or a plan: what needs to change. */
export const ReturnSignOffInput = z.strictObject({ comments: safeText({ max: 4000 }) });
export type ReturnSignOffInput = z.infer<typeof ReturnSignOffInput>;

/** The lead taking back a closure proposal still waiting: why, optionally, in a few words. */
export const WithdrawClosureInput = z.strictObject({ reason: safeText({ max: 500 }).optional() });
export type WithdrawClosureInput = z.infer<typeof WithdrawClosureInput>;
