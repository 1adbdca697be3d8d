import { z } from "@hono/zod-openapi";
import { dateWindows, figureSplits, isoDateWithin, periodKinds } from "@teamaround/domain";

export const FiguresQuery = z.object({
  period: z
    .enum(periodKinds)
    .default("quarter")
    .openapi({ param: { name: "period", in: "query" } }),
  from: isoDateWithin(dateWindows.recorded)
    .optional()
    .openapi({
      param: { name: "from", in: "query" },
      description: "First day of the period; default: the last whole month, quarter or year",
    }),
  split: z
    .enum(figureSplits)
    .default("none")
    .openapi({ param: { name: "split", in: "query" } }),
});
export type FiguresQuery = z.infer<typeof FiguresQuery>;

const ShownValue = z
  .object({
    value: z.number().nullable(),
    text: z
      .string()
      .openapi({ description: 'As shown: a number, a percentage, "fewer than 5" or "none"' }),
  })
  .openapi("FigureValue");

const FigureRow = z
  .object({
    key: z.string(),
    label: z.string(),
    unit: z.enum(["count", "percent", "ratio", "working_days"]),
    cells: z.record(z.string(), ShownValue),
    total: ShownValue,
  })
  .openapi("FigureRow");

export const FiguresReport = z
  .object({
    period: z.object({ kind: z.enum(periodKinds), from: z.string(), to: z.string() }),
    split: z.enum(figureSplits),
    /** "partnership": every service of the authority; "service": the manager's own. */
    scope: z.enum(["partnership", "service"]),
    scopeName: z.string(),
    groups: z.array(z.object({ key: z.string(), label: z.string() })),
    tables: z.array(z.object({ key: z.string(), title: z.string(), rows: z.array(FigureRow) })),
  })
  .openapi("FiguresReport");
export type FiguresReport = z.infer<typeof FiguresReport>;
