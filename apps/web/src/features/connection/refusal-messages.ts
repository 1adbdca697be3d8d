import { realtimeCloseCodes } from "@teamaround/domain";

const plain = (reason: string) => reason.trim().replace(/\.?$/, ".");

/** What to tell the person when the server closes a live document for good. */
export function documentRefusalMessage(code: number, reason: string): string {
  const why = reason ? plain(reason) : "";
  switch (code) {
    case realtimeCloseCodes.forbidden:
    case realtimeCloseCodes.unknownDocument:
      return accessRevokedMessage(why || "access was removed.");
    case realtimeCloseCodes.notSignedIn:
      return `You are no longer signed in${why ? `: ${why}` : "."} Sign in again to carry on.`;
    default:
      return `The live connection was closed${why ? `: ${why}` : "."} Reload the page to try again.`;
  }
}

/** The words for access removed while the page was open (consent withdrawn, removed from the team). */
export function accessRevokedMessage(reason: string): string {
  return `You no longer have access to this family's plan: ${plain(reason)}`;
}
