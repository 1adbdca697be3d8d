import { AppError } from "@teamaround/domain";

/** Target and due dates are today or later; an earlier one answers 422 naming the field. */
export function assertNotPast(value: string | undefined, today: string, path: string): void {
  if (value === undefined || value >= today) return;
  throw new AppError("unprocessable", `The ${path} must be today or later.`, [
    { path, message: "must be today or later" },
  ]);
}
