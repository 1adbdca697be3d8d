import { describe, expect, it } from "vitest";
import { parseNoticeContent } from "./notice-kinds";
import { renderNotice } from "./render-notice";
import { describeUserAgent } from "./sign-in-notices";

const context = { publicOrigin: "https://tac.example.gov.uk" };

describe("describing the browser of a sign-in", () => {
  it.each([
    [
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36",
      "Chrome",
      "Windows",
    ],
    [
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.0.0",
      "Edge",
      "Windows",
    ],
    [
      "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15",
      "Safari",
      "a Mac",
    ],
    [
      "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
      "Safari",
      "an iPhone or iPad",
    ],
    [
      "Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:127.0) Gecko/20100101 Firefox/127.0",
      "Firefox",
      "Linux",
    ],
    [
      "Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/25.0 Chrome/121.0.0.0 Mobile Safari/537.36",
      "Samsung Internet",
      "Android",
    ],
    ["curl/8.5.0", "an unrecognised browser", "an unrecognised system"],
    [null, "an unrecognised browser", "an unrecognised system"],
  ])("%s", (ua, browser, system) => {
    expect(describeUserAgent(ua)).toEqual({ browser, system });
  });
});

describe("the new sign-in notice", () => {
  const variables = {
    audience: "staff",
    signedInAt: "2026-03-03T14:05:00Z",
    browser: "Firefox",
    system: "Windows",
  };

  it("says when and from what, and what to do if it was not them", () => {
    const rendered = renderNotice(parseNoticeContent("new_sign_in", variables), context);
    expect(rendered.subject).toBe("A new sign-in to your Teamaround account");
    expect(rendered.body).toContain("3 March 2026 at 2:05pm");
    expect(rendered.body).toContain("Firefox on Windows");
    expect(rendered.body).toContain("tell your administrator straight away");
    expect(rendered.body).toContain("https://tac.example.gov.uk/account/sessions");
  });

  it("tells a family member in their words whom to tell", () => {
    const rendered = renderNotice(
      parseNoticeContent("new_sign_in", { ...variables, audience: "family" }),
      context,
    );
    expect(rendered.body).toContain("tell the worker who supports your family");
  });

  it("refuses a browser or system outside the closed lists (no User-Agent text, no address)", () => {
    expect(() =>
      parseNoticeContent("new_sign_in", { ...variables, browser: "Mozilla/5.0 (evil)" }),
    ).toThrow();
    expect(() =>
      parseNoticeContent("new_sign_in", { ...variables, ipAddress: "203.0.113.9" }),
    ).toThrow();
  });
});
