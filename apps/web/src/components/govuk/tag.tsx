import type { ReactNode } from "react";

export type TagColour =
  | "grey"
  | "green"
  | "turquoise"
  | "blue"
  | "light-blue"
  | "purple"
  | "pink"
  | "red"
  | "orange"
  | "yellow";

/** A status tag: the words carry the meaning, the colour only repeats it. */
export function Tag({ colour, children }: { colour?: TagColour; children: ReactNode }) {
  return (
    <strong className={colour ? `govuk-tag govuk-tag--${colour}` : "govuk-tag"}>{children}</strong>
  );
}
