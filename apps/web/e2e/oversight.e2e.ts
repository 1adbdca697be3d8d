import { readFileSync } from "node:fs";
import { caseAuditAreaWords } from "@teamaround/domain";
import type { Browser, Download, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { scanPage, scans, violationReport } from "./support/axe";
import { hasChromium, newPerson, pageProblems } from "./support/browser";
import { arrive, signIn } from "./support/flows";
import { choose, chooseOption, problemsShown } from "./support/forms";
import { screenshotsDir } from "./support/screenshots";
import { tellStory } from "./support/story";

/**
 * Oversight, told in order against one real server with the demo data: the
 * manager sees what is late on "Your service" and what waits for sign-off (the
 * Marsh family's assessment, the Hollis family's closure), signs off the Marsh
 * family's assessment, audits the Ashdown family's case file and draws the quarter's
 * audit sample; the lead reads and acknowledges the audit feedback; the
 * partnership analyst reads the figures, downloads them and the board report,
 * and cannot open a family.
 */
/** As long as a single step may take (the default 1 s of `expect.poll` is too short on a slow machine). */
const patiently = { timeout: 15_000 };

/** A CSV line's quoted fields (the export quotes every field and doubles inner quotes). */
function csvFields(line: string): string[] {
  const fields: string[] = [];
  const pattern = /"((?:[^"]|"")*)"(?:,|$)/gy;
  for (const match of line.matchAll(pattern)) fields.push((match[1] ?? "").replaceAll('""', '"'));
  return fields;
}

async function downloaded(page: Page, link: string): Promise<{ file: Download; body: Buffer }> {
  const [file] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: link }).click(),
  ]);
  const path = await file.path();
  return { file, body: readFileSync(path) };
}

describe.skipIf(!hasChromium)("Oversight in a browser", () => {
  let origin = "";
  let browser: Browser;
  let manager: Page;
  let lead: Page;
  let analyst: Page;
  let marshUrl = "";

  tellStory({
    name: "oversight",
    people: () => ({ manager, lead, analyst }),
    ready: (setting) => {
      ({ origin, browser } = setting);
    },
  });

  it("1. the manager lands on Your service and sees drift and what waits for sign-off", async () => {
    ({ page: manager } = await newPerson(browser));
    await signIn(manager, origin, "manager@demo.teamaround.test");
    await arrive(manager, "Your service", "Your service (manager)");
    expect(new URL(manager.url()).pathname).toBe("/dashboard");

    const drift = manager.getByRole("table", { name: /What is late, most late first/ });
    await drift.waitFor();
    // The demo's queue is longer than a page: it pages on, worst first.
    await manager.getByRole("navigation", { name: "Drift queue pages" }).waitFor();
    // One kind at a time: the Wren family's first episode closed months ago, so
    // its follow-up is due.
    const kinds = manager.getByRole("navigation", { name: "Kinds of drift" });
    await kinds.getByRole("link", { name: /Follow-up after closure due \(\d+\)/ }).click();
    await drift
      .getByRole("row")
      .filter({ hasText: "The Wren family" })
      .filter({ hasText: "Follow-up after closure due" })
      .waitFor();
    expect(new URL(manager.url()).searchParams.get("driftKind")).toBe("follow_up_due");
    await scanPage(manager, "Your service (drift: one kind)");
    await kinds.getByRole("link", { name: /Everything late/ }).click();
    await manager.getByRole("navigation", { name: "Drift queue pages" }).waitFor();
    const signOffs = manager.getByRole("table", {
      name: /waiting for sign-off, longest waiting first/,
    });
    await signOffs.getByRole("link", { name: /The Marsh family/ }).waitFor();
    // Each waiting assessment shows the decisions taken on it before.
    await signOffs
      .getByText(/Returned by Morgan Ellis/)
      .first()
      .waitFor();
    // The Hollis family's closure, proposed by the lead, waits for the manager too.
    await signOffs
      .getByRole("row")
      .filter({ hasText: "The Hollis family" })
      .filter({ hasText: "Closure" })
      .waitFor();
    await manager.getByRole("table", { name: "Open cases per lead professional" }).waitFor();
    await scanPage(manager, "Your service (drift, sign-offs and caseload loaded)");
    await manager.screenshot({ path: `${screenshotsDir}/manager-workspace.png` });
  });

  it("2. the manager opens the Marsh family's waiting assessment and approves it", async () => {
    await manager.getByRole("link", { name: /^The Marsh family\s*: open the assessment$/ }).click();
    await arrive(manager, "Early Help Assessment", "Assessment (waiting for the manager)");
    marshUrl = new URL(manager.url()).pathname.replace(/\/assessments\/[0-9a-f-]{36}$/, "");
    expect(marshUrl).toMatch(/^\/families\/[0-9a-f-]{36}$/);
    await manager.getByRole("button", { name: "Approve the assessment" }).click();
    // The decision is kept: who signed it off, and when.
    const trail = manager.locator(".govuk-summary-list__row", { hasText: "Signed off" });
    await trail.getByText(/by Morgan Ellis/).waitFor();
    await scanPage(manager, "Assessment (signed off)");

    // Back on Your service (through the header, as a manager would), it no longer waits.
    await manager.getByRole("link", { name: "Your service" }).first().click();
    await arrive(manager, "Your service", "Your service (after the sign-off)");
    const signOffs = manager.getByRole("table", {
      name: /waiting for sign-off, longest waiting first/,
    });
    await signOffs.getByRole("row").nth(1).waitFor();
    await expect
      .poll(() => signOffs.getByRole("link", { name: /The Marsh family/ }).count(), patiently)
      .toBe(0);
  });

  it("3. the manager audits the Ashdown family's case file, grading every area", async () => {
    await chooseOption(manager.getByLabel("Lead professional", { exact: true }), "Jordan Hale");
    const shown = manager.getByRole("table", { name: /Open cases shown/ });
    await shown.getByRole("link", { name: "The Ashdown family" }).click();
    await arrive(manager, "Summary", "Family summary (manager)");
    await manager.getByRole("link", { name: "Audits and supervision" }).click();
    await arrive(manager, "Audits and supervision", "Audits and supervision (not audited)");
    await manager.getByRole("link", { name: "Audit this case" }).click();
    await arrive(manager, "Audit this case", "Audit this case (empty)");

    await manager.getByRole("button", { name: "Record the audit" }).click();
    await problemsShown(manager);
    await scanPage(manager, "Audit this case (missing answers)");

    for (const { label } of Object.values(caseAuditAreaWords)) {
      const area = manager.locator("section", {
        has: manager.getByRole("heading", { level: 2, name: label, exact: true }),
      });
      await choose(manager, `Grade for ${label.toLowerCase()}`, "Good");
      await area.getByLabel("Comment").fill(`${label}: clearly recorded.`);
    }
    await choose(manager, "Overall grade", "Good");
    await manager
      .getByLabel("Feedback to the lead professional")
      .fill("A well-kept file: the child's voice runs through it. Record why plans change.");
    await scanPage(manager, "Audit this case (answered)");
    await manager.getByRole("button", { name: "Record the audit" }).click();
    await arrive(manager, "Audits and supervision", "Audits and supervision (audited)");
    await manager.getByText("Audit recorded").waitFor();
    await manager.getByText("A well-kept file: the child's voice runs through it.").waitFor();
  });

  it("4. the manager draws the quarter's random audit sample", async () => {
    await manager.getByRole("link", { name: "Your service" }).first().click();
    await arrive(manager, "Your service");
    await manager
      .getByRole("link", { name: "Case-file audits: the quarter's random sample" })
      .click();
    await arrive(manager, "Audit sample", "Audit sample (none drawn)");
    await manager.getByText("No sample has been drawn yet.").waitFor();
    await manager.getByLabel("Number of cases").fill("5");
    await manager.getByRole("button", { name: "Draw the sample" }).click();
    const sample = manager.getByRole("table", {
      name: /of 5 audited \(drawn .* by Morgan Ellis\)/,
    });
    await sample.waitFor();
    expect(await sample.locator("tbody tr").count()).toBe(5);
    await scanPage(manager, "Audit sample (drawn)");
  });

  it("5. the lead sees the audit feedback on My work and acknowledges it", async () => {
    ({ page: lead } = await newPerson(browser));
    await signIn(lead, origin, "lead@demo.teamaround.test");
    await arrive(lead, "My work", "My work (lead, audit feedback to read)");
    const toRead = lead.locator("section", {
      has: lead.getByRole("heading", { name: "Audit feedback to read" }),
    });
    await toRead.getByRole("link", { name: "The Ashdown family" }).click();
    await arrive(lead, "Audits and supervision", "Audits and supervision (lead)");
    await lead.getByText("A well-kept file: the child's voice runs through it.").waitFor();
    await lead
      .getByLabel("Your response (optional)")
      .fill("Thank you: I will note why plans change.");
    await lead.getByRole("button", { name: "Acknowledge the feedback" }).click();
    await lead.getByText("Thank you: I will note why plans change.").waitFor();
    await lead.getByRole("button", { name: "Acknowledge the feedback" }).waitFor({
      state: "detached",
    });
    await scanPage(lead, "Audits and supervision (acknowledged)");

    await lead.getByRole("link", { name: "My work" }).first().click();
    await arrive(lead, "My work", "My work (lead, feedback read)");
    await lead.getByRole("heading", { name: "My actions" }).first().waitFor();
    await expect
      .poll(() => toRead.getByRole("link", { name: "The Ashdown family" }).count(), patiently)
      .toBe(0);
  });

  it("6. the partnership analyst lands on the figures: charts with the same figures in tables", async () => {
    ({ page: analyst } = await newPerson(browser));
    await signIn(analyst, origin, "analyst@demo.teamaround.test");
    await arrive(analyst, "Partnership figures", "Partnership figures (last quarter)");
    expect(new URL(analyst.url()).pathname).toBe("/reports");
    await analyst.getByTestId("figures-period").waitFor();
    // Drawn, not only laid out: the charts have their bars.
    await expect
      .poll(() => analyst.locator(".recharts-bar-rectangle").count(), patiently)
      .toBeGreaterThan(3);
    const requests = analyst.getByRole("table", { name: "Requests for help: the figures" });
    await requests.waitFor();
    expect(await analyst.getByTestId("figure-chart").count()).toBeGreaterThan(3);
    expect(await analyst.getByRole("table", { name: /: the figures$/ }).count()).toBeGreaterThan(3);
    await scanPage(analyst, "Partnership figures (loaded)");
    // For the README: the choices, then the first two figures as charts with their tables.
    const second = analyst.locator("section", {
      has: analyst.getByRole("heading", { level: 2, name: "Early Help Assessments" }),
    });
    const box = await second.boundingBox();
    if (!box) throw new Error("the assessments' figures are not shown");
    await analyst.screenshot({
      path: `${screenshotsDir}/partnership-figures.png`,
      fullPage: true,
      clip: { x: 0, y: 0, width: 1280, height: Math.ceil(box.y + box.height) },
    });
  });

  it("7. the analyst chooses a year split by locality, then downloads the CSV and the board report", async () => {
    await chooseOption(analyst.getByLabel("Length of period"), "A year");
    await chooseOption(analyst.getByLabel("Split the figures by"), "Locality");
    await analyst.getByRole("button", { name: "Show figures" }).click();
    await analyst.waitForURL(/period=year/);
    await analyst
      .getByTestId("figures-period")
      .getByText(/, by locality$/)
      .waitFor();
    const requests = analyst.getByRole("table", { name: "Requests for help: the figures" });
    await requests.getByRole("columnheader", { name: "Northgate" }).waitFor();
    await expect
      .poll(() => analyst.locator(".recharts-bar-rectangle").count(), patiently)
      .toBeGreaterThan(3);
    await scanPage(analyst, "Partnership figures (a year, by locality)");

    const received = await requests
      .getByRole("row")
      .filter({ has: analyst.getByRole("rowheader", { name: "Received", exact: true }) })
      .getByRole("cell")
      .last()
      .textContent();

    const csv = await downloaded(analyst, "Download the figures (CSV)");
    expect(csv.file.suggestedFilename()).toMatch(/\.csv$/);
    const [header, ...lines] = csv.body.toString("utf8").trim().split(/\r?\n/);
    expect(csvFields(header ?? "")).toEqual([
      "Period from",
      "Period to",
      "Section",
      "Figure",
      "Group",
      "Value",
    ]);
    const rows = lines.map(csvFields);
    expect(rows.length).toBeGreaterThan(10);
    for (const row of rows) {
      expect(row).toHaveLength(6);
      // As the page shows them: a number, a percentage, "fewer than 5" or "none"; never words of a case.
      expect(row[5]).toMatch(/^(\d+(\.\d+)?%?|fewer than 5|none)$/);
    }
    expect(new Set(rows.map((r) => r[4]))).toContain("Northgate");
    // The same figure as the page's table.
    const receivedAll = rows.find(
      (r) => r[2] === "Requests for help" && r[3] === "Received" && r[4] === "All",
    );
    expect(receivedAll?.[5]).toBe(received?.trim());

    const pdf = await downloaded(analyst, "Download the board report (PDF)");
    expect(pdf.file.suggestedFilename()).toMatch(/\.pdf$/);
    expect(pdf.body.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const href = await analyst
      .getByRole("link", { name: "Download the board report (PDF)" })
      .getAttribute("href");
    const answer = await analyst.evaluate(async (url) => {
      const response = await fetch(url);
      return { status: response.status, type: response.headers.get("content-type") };
    }, href ?? "");
    expect(answer).toEqual({ status: 200, type: "application/pdf" });
  });

  it("8. a family's address answers as for a family that does not exist, for the analyst", async () => {
    const notFound = async (path: string, name: string) => {
      await analyst.goto(`${origin}${path}`);
      await arrive(analyst, "Family not found", name);
      return analyst.locator("main").textContent();
    };
    const unknown = await notFound(`/families/${crypto.randomUUID()}`, "No such family (analyst)");
    expect(await notFound(marshUrl, "The Marsh family (analyst)")).toBe(unknown);
    expect(await notFound(`${marshUrl}/assessment`, "Its assessment (analyst)")).toBe(unknown);
    expect(await notFound(`${marshUrl}/oversight`, "Its audits (analyst)")).toBe(unknown);
  });

  it("9. every page visited has no accessibility violations (axe, WCAG 2.2 AA) and no CSP refusals", () => {
    expect(scans.length).toBeGreaterThan(15);
    expect(violationReport()).toEqual([]);
    expect(pageProblems).toEqual([]);
  });
});
