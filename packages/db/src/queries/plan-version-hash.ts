import { createHash } from "node:crypto";
import { canonicalJson, type PlanVersionContent, type VersionSnapshots } from "@teamaround/domain";

/** SHA-256 (hex) of the canonical JSON of `{ content, snapshots }`: anyone holding both can check it. */
export function planVersionHash(content: PlanVersionContent, snapshots: VersionSnapshots): string {
  return createHash("sha256").update(canonicalJson({ content, snapshots }), "utf8").digest("hex");
}
