import { z } from "zod";

/**
 * The one rule for text from outside (HTTP bodies, query strings, socket
 * payloads): C0 and C1 control characters are refused at the edge, because
 * PostgreSQL cannot store U+0000 and none of them belongs in a case record.
 * Multi-line text keeps line feeds and tabs. Lengths are always bounded.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
export const singleLinePattern = /^[^\u0000-\u001f\u007f-\u009f]*$/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
export const multiLinePattern = /^[^\u0000-\u0008\u000b-\u001f\u007f-\u009f]*$/;

const controlMessage = "must not contain control characters";
const lineMessage = "must be one line without control characters";

export interface TextBounds {
  /** Shortest accepted length after trimming; default 1 (required text is never blank). */
  min?: number;
  max: number;
}

/** One line of text (a name, a title, an email): trimmed, bounded, no control characters. */
export function safeLine({ min = 1, max }: TextBounds) {
  return z.string().trim().min(min).max(max).regex(singleLinePattern, lineMessage);
}

/** Free text that may span lines (a note, a message): trimmed, bounded, only \n and \t allowed. */
export function safeText({ min = 1, max }: TextBounds) {
  return z.string().trim().min(min).max(max).regex(multiLinePattern, controlMessage);
}

/** A secret typed by a person (a password, a token): never trimmed, bounded, no control characters. */
export function safeSecret({ min = 1, max }: TextBounds) {
  return z.string().min(min).max(max).regex(singleLinePattern, controlMessage);
}
