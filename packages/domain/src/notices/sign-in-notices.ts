import { z } from "zod";
import { noticeMoment, type RenderContext, type RenderedNotice } from "./render-notice";

/**
 * "A new sign-in to your Teamaround account" (issue 10): a sign-in from a
 * browser the account had not used before. The variables say when, and the
 * browser and system in closed vocabularies read from the User-Agent — never
 * the User-Agent itself (any text a client sends) and never an IP address.
 */
export const signInBrowsers = [
  "Edge",
  "Opera",
  "Samsung Internet",
  "Firefox",
  "Chrome",
  "Safari",
  "an unrecognised browser",
] as const;
export type SignInBrowser = (typeof signInBrowsers)[number];

export const signInSystems = [
  "Windows",
  "an iPhone or iPad",
  "a Mac",
  "Android",
  "a Chromebook",
  "Linux",
  "an unrecognised system",
] as const;
export type SignInSystem = (typeof signInSystems)[number];

export const newSignInVariables = z.strictObject({
  audience: z.enum(["staff", "family"]),
  signedInAt: z.iso.datetime({ offset: true }),
  browser: z.enum(signInBrowsers),
  system: z.enum(signInSystems),
});
export type NewSignInVariables = z.infer<typeof newSignInVariables>;

export interface DeviceDescription {
  browser: SignInBrowser;
  system: SignInSystem;
}

/** Order matters: Edge and Opera say "Chrome" too, and Chrome says "Safari". */
const browserTests: [RegExp, SignInBrowser][] = [
  [/\bEdg(e|A|iOS)?\//, "Edge"],
  [/\b(OPR|Opera)\//, "Opera"],
  [/\bSamsungBrowser\//, "Samsung Internet"],
  [/\b(Firefox|FxiOS)\//, "Firefox"],
  [/\b(Chrome|CriOS|Chromium)\//, "Chrome"],
  [/\bVersion\/[\d.]+.*\bSafari\//, "Safari"],
];

const systemTests: [RegExp, SignInSystem][] = [
  [/\bWindows\b/, "Windows"],
  [/\b(iPhone|iPad|iPod)\b/, "an iPhone or iPad"],
  [/\bMac OS X\b|\bMacintosh\b/, "a Mac"],
  [/\bAndroid\b/, "Android"],
  [/\bCrOS\b/, "a Chromebook"],
  [/\bLinux\b/, "Linux"],
];

/**
 * A plain description of the browser and system a User-Agent names, from
 * closed lists: anything else is "an unrecognised browser" / "system".
 */
export function describeUserAgent(userAgent: string | null | undefined): DeviceDescription {
  const ua = (userAgent ?? "").slice(0, 512);
  const browser = browserTests.find(([test]) => test.test(ua))?.[1] ?? "an unrecognised browser";
  const system = systemTests.find(([test]) => test.test(ua))?.[1] ?? "an unrecognised system";
  return { browser, system };
}

/** "Firefox on Windows", "Safari on an iPhone or iPad". */
export function deviceSummary(device: DeviceDescription): string {
  return `${device.browser} on ${device.system}`;
}

const signOff = "Teamaround\n\nThis email was sent automatically. Replies are not read.";

export function renderNewSignIn(v: NewSignInVariables, context: RenderContext): RenderedNotice {
  const when = noticeMoment(v.signedInAt);
  const device = deviceSummary(v);
  const sessions = `${context.publicOrigin}/account/sessions`;
  const whoToTell =
    v.audience === "family"
      ? "tell the worker who supports your family straight away, so that your password can be changed"
      : "tell your administrator straight away, so that they can set you a new password";
  return {
    subject: "A new sign-in to your Teamaround account",
    body: [
      `Someone signed in to your Teamaround account on ${when}, using ${device}. Your account had not been used from this browser before.`,
      "If this was you, you do not need to do anything.",
      `If it was not you, ${whoToTell}. You can also sign out every other session here:\n${sessions}`,
      "You can stop these emails in Your account, under Notification settings.",
      signOff,
    ].join("\n\n"),
    personalisation: { signed_in_at: when, device, link: sessions, who_to_tell: whoToTell },
  };
}
