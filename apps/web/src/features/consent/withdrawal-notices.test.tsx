import { render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { Consent } from "../../api/types";
import { ConsentCard } from "./consent-card";
import { WithdrawalNoticeList } from "./withdrawal-notices";

const named = (id: string, name: string) => ({ id, name });
const school = named("0cad36c2-13ec-4604-8d5e-0c964a8da836", "Riverside Primary");
const surgery = named("6f1a2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b", "Riverside Surgery");
const housing = named("8c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f", "Housing Options");
const youth = named("2d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f6a", "Youth Service");

const notices: Consent["withdrawalNotices"] = [
  {
    agency: school,
    status: "sent",
    sentAt: "2026-11-20T14:05:00.000Z",
    recordedAt: "2026-11-20T14:04:00.000Z",
  },
  { agency: surgery, status: "waiting", sentAt: null, recordedAt: "2026-11-20T14:04:00.000Z" },
  { agency: housing, status: "failed", sentAt: null, recordedAt: "2026-11-20T14:04:00.000Z" },
  { agency: youth, status: "no_address", sentAt: null, recordedAt: "2026-11-20T14:04:00.000Z" },
];

const parent = named("9d1d97fe-9e71-473b-835a-b6f5e0445342", "Taylor Ashdown");
const consent: Consent = {
  id: "1b7f0a8e-52f4-4d7f-9a7e-0f0a1c2d3e4f",
  state: "withdrawn",
  decision: "given",
  givenBy: parent,
  covers: [parent],
  agencies: [school, surgery, housing, youth],
  informationKinds: ["education"],
  withheld: null,
  method: "written",
  obtainedAt: "2026-01-10T10:00:00.000Z",
  obtainedBy: named("3a4b5c6d-7e8f-4a0b-8c1d-2e3f4a5b6c7d", "Jordan Hale"),
  reviewDate: null,
  withdrawal: {
    withdrawnAt: "2026-11-20T14:04:00.000Z",
    withdrawnBy: parent,
    reason: "We want to stop sharing",
  },
  withdrawalNotices: notices,
  canWithdraw: false,
  version: 2,
  createdAt: "2026-01-10T10:00:00.000Z",
};

describe("who we have told", () => {
  it("shows each agency emailed with the time, the one still sending, and the ones not told", () => {
    render(<ConsentCard consent={consent} />);
    const row = (name: string) => {
      const item = screen
        .getAllByRole("listitem")
        .find((li) => li.textContent?.startsWith(name) && li.querySelector(".govuk-tag"));
      if (!item) throw new Error(`no row for ${name}`);
      return item;
    };
    expect(within(row("Riverside Primary")).getByText("Emailed")).toBeTruthy();
    expect(row("Riverside Primary").textContent).toContain("20 November 2026");
    expect(within(row("Riverside Surgery")).getByText("Sending")).toBeTruthy();
    expect(within(row("Housing Options")).getByText(/Email failed/)).toBeTruthy();
    expect(within(row("Youth Service")).getByText(/No contact address/)).toBeTruthy();
  });

  it("tells a family member in plain words", () => {
    render(<WithdrawalNoticeList notices={notices} plain />);
    expect(screen.getByText("Told")).toBeTruthy();
    expect(screen.getByText("Being told now")).toBeTruthy();
    expect(screen.getByText(/we could not email them/)).toBeTruthy();
  });
});
