/** A value another person could be named by, and who they are to the person asking. */
export interface ThirdParty {
  /** Full name, given name, email, phone, record id, portal account id. */
  values: string[];
  who: string;
}

/** A third party's detail as the export carries it, for someone to review before release. */
export interface Flagged {
  value: string;
  thirdParty: true;
  who: string;
}

export function isFlagged(value: unknown): value is Flagged {
  return typeof value === "object" && value !== null && (value as Flagged).thirdParty === true;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * Marks every string naming a third party (whole words, any case) for
 * redaction review; other values pass through, arrays and objects are walked.
 */
export function thirdPartyMarker(parties: readonly ThirdParty[]) {
  const patterns = parties.flatMap((party) =>
    party.values
      .map((v) => v.trim())
      .filter((v) => v.length >= 2)
      .map((v) => ({
        pattern: new RegExp(`(^|[^\\p{L}\\p{N}])${escapeRegExp(v)}($|[^\\p{L}\\p{N}])`, "iu"),
        who: party.who,
      })),
  );
  const whoIsIn = (text: string) => patterns.find((p) => p.pattern.test(text))?.who;

  function mark(value: unknown): unknown {
    if (typeof value === "string") {
      const who = whoIsIn(value);
      return who ? ({ value, thirdParty: true, who } satisfies Flagged) : value;
    }
    if (Array.isArray(value)) return value.map(mark);
    if (value instanceof Date) return value.toISOString();
    if (value && typeof value === "object") {
      return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, mark(v)]));
    }
    return value;
  }
  return mark;
}
