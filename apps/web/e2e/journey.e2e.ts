import type { Browser, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { scanPage, scans, violationReport } from "./support/axe";
import { hasChromium, newPerson, pageProblems } from "./support/browser";
import { arrive, fillDate, signIn } from "./support/flows";
import { choose, chooseOption, problemsShown } from "./support/forms";
import { screenshotsDir } from "./support/screenshots";
import { tellStory } from "./support/story";

/**
 * The Early Help journey, told in order against one real server, as
 * scripts/journey-flow.sh tells it with curl: a school asks for help → the
 * manager accepts it with a lead → the lead writes and scores the assessment →
 * the manager signs it off → a review records new scores and a verdict → the
 * distance travelled shows on the family's page → the lead proposes closing the
 * episode → the manager signs the closure off and it takes effect → the parent
 * says how it was. Each test picks up where the one before left off.
 */
/** As long as a single step may take (the default 1 s of `expect.poll` is too short on a slow machine). */
const patiently = { timeout: 15_000 };

describe.skipIf(!hasChromium)("The Early Help journey in a browser", () => {
  let origin = "";
  let browser: Browser;
  let school: Page;
  let manager: Page;
  let lead: Page;
  let parent: Page;
  let admin: Page;
  // A name of its own, so the story can also run against a server that has run it before.
  const run = Date.now().toString(36);
  const familyName = `The Journey family ${run}`;
  const childName = `Jo Journey${run}`;
  const parentEmail = `alex.journey.${run}@example.test`;
  const parentPassword = "a long family passphrase";
  let requestUrl = "";
  let familyUrl = "";
  let setPasswordLink = "";

  tellStory({
    name: "journey",
    people: () => ({ school, manager, lead, parent, admin }),
    ready: (setting) => {
      ({ origin, browser } = setting);
    },
  });

  it("1. a school's pastoral lead asks the Early Help service for help for a new family", async () => {
    ({ page: school } = await newPerson(browser));
    await signIn(school, origin, "school@demo.teamaround.test");
    await arrive(school, "My work", "My work (school)");
    await school.getByRole("link", { name: "Request help for a family" }).first().click();
    await arrive(school, "Request help for a family", "Request help (empty)");

    // Nothing answered: every missing answer is listed, and nothing is sent.
    await school.getByRole("button", { name: "Send the request" }).click();
    await problemsShown(school);
    await scanPage(school, "Request help (missing answers)");

    await chooseOption(
      school.getByLabel("Which service are you asking to help?"),
      "Eastmoor Early Help Service",
    );
    await school.getByLabel("Family name").fill(familyName);
    const child = school.getByRole("group", { name: "Child 1" });
    await child.getByLabel("First name").fill("Jo");
    await child.getByLabel("Last name").fill(`Journey${run}`);
    await fillDate(school, "Date of birth (if known)", -11 * 365);
    await chooseOption(school.getByLabel("Where does the family live?"), "Southmere");
    await school
      .getByLabel("What are the worries?")
      .fill("Jo has missed a third of this term and is withdrawn in class.");
    await choose(school, "Does the family know about this request?", "Yes");
    await choose(school, "Does the family agree to it?", "Yes");
    await school.getByRole("button", { name: "Send the request" }).click();
    await school.waitForURL(/\/requests\/[0-9a-f-]{36}$/);
    requestUrl = school.url();
    await arrive(school, familyName, "Request (asker's view, awaiting a decision)");
    await school.getByText("Awaiting a decision").first().waitFor();
  });

  it("2. the Early Help manager triages it: accepted, Jordan Hale as lead, a level of need", async () => {
    ({ page: manager } = await newPerson(browser));
    await signIn(manager, origin, "manager@demo.teamaround.test");
    // A manager lands on their service: drift, sign-offs and the caseload.
    await arrive(manager, "Your service", "Your service (manager)");
    await manager.goto(`${origin}/requests`);
    await arrive(manager, "Requests for help", "Requests for help (triage queue)");
    await manager.getByRole("link", { name: familyName }).click();
    await arrive(manager, familyName, "Request (triage form)");
    await manager.getByText("Southmere").first().waitFor();

    await manager.getByRole("button", { name: "Record the decision" }).click();
    await problemsShown(manager);
    await scanPage(manager, "Request (triage form, no decision)");

    await choose(
      manager,
      "What is your decision?",
      "Accept: allocate a lead professional and open a case",
    );
    await chooseOption(manager.getByLabel("Lead professional", { exact: true }), "Jordan Hale");
    await manager.getByRole("group", { name: "Level of need" }).getByRole("radio").nth(1).check();
    await scanPage(manager, "Request (triage form, accepting)");
    await manager.getByRole("button", { name: "Record the decision" }).click();
    const caseLink = manager.getByRole("link", { name: "Go to the family's case" });
    await caseLink.waitFor();
    familyUrl = new URL((await caseLink.getAttribute("href")) ?? "", origin).href;
    expect(familyUrl).toMatch(/\/families\/[0-9a-f-]{36}$/);
    await scanPage(manager, "Request (accepted)");

    // The school sees the outcome in the product.
    await school.goto(requestUrl);
    await arrive(school, familyName, "Request (asker's view, accepted)");
    await school.getByText("Jordan Hale").first().waitFor();
  });

  it("3. the lead adds the parent, writes the assessment with the child's voice, scores need areas and submits it", async () => {
    ({ page: lead } = await newPerson(browser));
    await signIn(lead, origin, "lead@demo.teamaround.test");
    await arrive(lead, "My work", "My work (lead)");
    await lead.getByRole("heading", { name: /Follow-ups due/ }).waitFor();
    await scanPage(lead, "My work (lead, with follow-ups due)");

    await lead.goto(familyUrl);
    await arrive(lead, "Summary", "Family summary (new episode)");
    await lead.goto(`${familyUrl}/members`);
    await arrive(lead, "Family members");
    await lead.getByRole("link", { name: "Add an adult" }).click();
    await arrive(lead, /adult/i, "Add an adult (with contact, language and equality fields)");
    await lead.getByLabel("First name").fill("Alex");
    await lead.getByLabel("Last name").fill(`Journey${run}`);
    await lead.getByLabel("Relationship to the children").fill("mother");
    await lead.getByLabel("Has parental responsibility").check();
    await lead.getByLabel("Phone").fill("07700 900123");
    await lead.getByLabel("Preferred language").fill("English");
    await lead.getByLabel("Religion or belief").fill("Prefer not to say");
    await lead.getByRole("button", { name: /save|add/i }).click();
    await arrive(lead, "Family members", "Family members (with the parent)");

    await lead.getByRole("link", { name: "Assessment", exact: true }).click();
    await arrive(lead, "Early Help Assessment", "Assessment (not started)");
    await lead.getByRole("button", { name: "Start the assessment" }).click();
    await lead.getByLabel("The family's story").waitFor();
    await scanPage(lead, "Assessment (draft)");

    const saved = lead.getByText(/^Last saved by Jordan Hale/);
    const sections = [
      ["The family's story", "Jo lives with Alex; they moved to Eastmoor last year."],
      ["What is working well", "Alex gets Jo to school most days, and Jo loves art."],
      ["What we are worried about", "Jo has missed a third of this term."],
      [`${childName}: the child's own words`, "I like art. Mornings are hard."],
      ["Analysis", "Mornings are the hard part; the rest of the day goes well."],
      ["What needs to happen", "A calm morning routine and a safe space at school."],
    ] as const;
    for (const [index, [label, text]] of sections.entries()) {
      await lead.getByLabel(label, { exact: true }).fill(text);
      await lead.getByRole("button", { name: `Save ${label.toLowerCase()}` }).click();
      await expect.poll(() => saved.count(), patiently).toBe(index + 1);
    }

    const scoreOne = async (area: string, about: string, whose: string, score: string) => {
      await chooseOption(lead.getByLabel("Need area", { exact: true }), area);
      await chooseOption(lead.getByLabel("About", { exact: true }), about);
      await choose(lead, "Whose view is this?", whose);
      await chooseOption(lead.getByLabel("Score", { exact: true }), new RegExp(`^${score}\\b`));
      await lead.getByRole("button", { name: "Save score" }).click();
    };
    const scoreRows = lead.locator("table", { hasText: "Need areas scored" }).locator("tbody tr");
    await scoreOne("Education", childName, "The team's", "3");
    await expect.poll(() => scoreRows.count(), patiently).toBe(1);
    await scoreOne("Family relationships", "The whole family", "The team's", "5");
    await expect.poll(() => scoreRows.count(), patiently).toBe(2);
    await scoreOne("Education", childName, "The family's own", "4");
    await expect.poll(() => scoreRows.count(), patiently).toBe(3);
    await scanPage(lead, "Assessment (written and scored)");

    await lead.getByRole("button", { name: "Submit for sign-off" }).click();
    await lead.getByText("Waiting for sign-off").first().waitFor();
    await scanPage(lead, "Assessment (submitted)");
  });

  it("4. the manager signs the assessment off; the plan is in place", async () => {
    await manager.goto(`${familyUrl}/assessment`);
    await arrive(manager, "Early Help Assessment", "Assessment (waiting for the manager)");
    await manager.getByRole("button", { name: "Approve the assessment" }).click();
    await manager.getByText("Completed", { exact: true }).first().waitFor();
    await scanPage(manager, "Assessment (completed)");
    await manager.goto(familyUrl);
    await arrive(manager, "Summary", "Family summary (plan in place)");
    await manager.getByText("Plan in place").first().waitFor();
  });

  it("5. the lead holds a review meeting and records new scores, a verdict and a decision", async () => {
    await lead.goto(`${familyUrl}/meetings`);
    await arrive(lead, "Meetings");
    await lead.getByRole("link", { name: "Schedule a meeting" }).click();
    await arrive(lead, "Schedule a meeting");
    await lead.getByLabel("Review meeting").check();
    await fillDate(lead, "What day is it?", 1);
    await lead.getByLabel("What time does it start?").fill("10:00");
    await lead
      .getByRole("group", { name: "Who is invited?" })
      .getByLabel(`Alex Journey${run}`)
      .check();
    await lead.getByRole("button", { name: "Book the meeting" }).click();
    await arrive(lead, "Meetings", "Meetings (review booked)");
    await lead.getByRole("link", { name: /Open the meeting/ }).click();
    await arrive(lead, /Review meeting/, "Review meeting room (not started)");
    await lead.getByRole("button", { name: "Start the meeting" }).click();
    await lead.getByRole("heading", { name: "Who is here" }).waitFor();
    // In the room of a review: the distance travelled so far, and recording the review.
    await lead.getByRole("heading", { name: "Distance travelled" }).waitFor();
    await lead.getByTestId("distance-chart").first().waitFor();
    await scanPage(lead, "Review meeting room (live, distance travelled)");

    await lead.getByRole("link", { name: "Record the review" }).click();
    await arrive(lead, "Record the review", "Record the review");
    await lead.getByRole("button", { name: "Record the review" }).click();
    await problemsShown(lead);
    await scanPage(lead, "Record the review (missing answers)");

    await chooseOption(lead.getByLabel("New score for Education for Jo"), /^6$/);
    await lead.getByLabel("Note for Education for Jo").fill("Attendance 91% since half term");
    await chooseOption(lead.getByLabel("New score for Family relationships"), /^6$/);
    await choose(lead, "What has changed for the family?", "Positive change");
    await choose(lead, "What did the meeting decide?", "Continue with the plan");
    await lead.getByLabel("Summary").fill("Mornings are calmer; Jo goes to the art club.");
    await lead.getByRole("button", { name: "Record the review" }).click();
    await arrive(lead, "Meetings", "Meetings (review recorded)");
    await lead.getByText(/Positive change; continue with the plan/).waitFor();
  });

  it("6. the family's page shows the distance travelled as charts with tables, and the episode", async () => {
    await lead.goto(familyUrl);
    await arrive(lead, "Summary");
    const panel = lead.locator("section", {
      has: lead.getByRole("heading", { name: "Distance travelled" }),
    });
    await expect.poll(() => panel.getByTestId("distance-chart").count(), patiently).toBe(2);
    // Drawn, not only laid out: each chart has its lines.
    await expect
      .poll(() => panel.locator(".recharts-line-curve").count(), patiently)
      .toBeGreaterThan(1);
    const education = panel.getByRole("table", { name: /Education for Jo/ });
    await expect.poll(() => education.locator("tbody tr").count(), patiently).toBe(2);
    expect(await education.textContent()).toMatch(/Assessment.*3.*4.*Review.*6/);
    await lead.getByRole("heading", { name: /Early Help episodes|Episodes/ }).waitFor();
    await scanPage(lead, "Family summary (distance travelled and episodes)");
  });

  it("7. the lead invites the parent and proposes closing the episode with a reason, a summary and closing scores; the manager signs it off", async () => {
    await lead.goto(`${familyUrl}/members`);
    await arrive(lead, "Family members");
    await lead
      .getByRole("link", { name: new RegExp(`Invite to the family portal.*Alex Journey${run}`) })
      .click();
    await arrive(lead, /Invite Alex/, "Invite to the family portal");
    await lead.getByLabel("Their email address").fill(parentEmail);
    await lead.getByRole("button", { name: "Create invitation" }).click();
    await lead.getByRole("heading", { name: "Invitation created" }).waitFor();
    setPasswordLink = (await lead.locator('a[href*="set-password"]').getAttribute("href")) ?? "";
    expect(setPasswordLink).toContain("set-password");

    await lead.getByRole("link", { name: "Summary", exact: true }).click();
    await arrive(lead, "Summary");
    // The demo authority asks for a manager's sign-off: the lead proposes the closure.
    await lead.getByRole("link", { name: "Propose closing the case" }).click();
    await arrive(lead, "Propose closing the case", "Propose closing the case");
    await lead.getByRole("button", { name: "Propose the closure for sign-off" }).click();
    await problemsShown(lead);
    await scanPage(lead, "Propose closing the case (missing answers)");

    await choose(lead, "Why is the case closing?", "Outcomes met");
    await lead
      .getByLabel("Closing summary")
      .fill("Jo is back in school every day and mornings are calm.");
    await chooseOption(lead.getByLabel("Education for Jo", { exact: true }), /^8$/);
    await chooseOption(lead.getByLabel("Family relationships"), /^7$/);
    await lead.getByRole("button", { name: "Propose the closure for sign-off" }).click();
    await arrive(lead, "Summary", "Family summary (closure waiting for sign-off)");
    await lead.getByText("Closure proposed for sign-off").first().waitFor();
    await lead.getByRole("region", { name: "Closure waiting for sign-off" }).waitFor();

    // The manager approves it on the family's summary; the closure takes effect.
    await manager.goto(familyUrl);
    await arrive(manager, "Summary", "Family summary (manager, closure to sign off)");
    const waiting = manager.getByRole("region", { name: "Closure waiting for sign-off" });
    await waiting.getByText("Jo is back in school every day and mornings are calm.").waitFor();
    await waiting.getByRole("button", { name: "Approve the closure" }).click();
    await manager
      .getByRole("region", { name: "Closure sign-off" })
      .getByText(/Approved by/)
      .first()
      .waitFor();
    await scanPage(manager, "Family summary (closure signed off)");

    await lead.goto(familyUrl);
    await arrive(lead, "Summary", "Family summary (closed)");
    await lead.getByText("Request help for this family").first().waitFor();
    // The closing scores join the chart's figures: assessment, review and closure, for the README.
    const panel = lead.locator("section", {
      has: lead.getByRole("heading", { name: "Distance travelled" }),
    });
    const education = panel.getByRole("table", { name: /Education for Jo/ });
    await expect.poll(() => education.locator("tbody tr").count(), patiently).toBe(3);
    expect(await education.textContent()).toMatch(/Closure.*8/);
    await panel
      .getByTestId("distance-chart")
      .first()
      .locator(".recharts-line-curve")
      .first()
      .waitFor();
    await panel.screenshot({ path: `${screenshotsDir}/distance-travelled.png` });
  });

  it("8. the parent sets a password, signs in and answers “How was it for you?”", async () => {
    ({ page: parent } = await newPerson(browser, { width: 360, height: 780 }));
    await parent.goto(setPasswordLink);
    await arrive(parent, "Set your password");
    await parent.getByLabel("Password", { exact: true }).fill(parentPassword);
    await parent.getByLabel("Confirm password").fill(parentPassword);
    await parent.getByRole("button", { name: /set|save/i }).click();
    await parent.getByRole("heading", { name: "Your password is set" }).waitFor();
    await signIn(parent, origin, parentEmail, parentPassword);
    await arrive(parent, "Our plan", "Our plan (closed, feedback offered)");
    // The distance travelled, in plain words.
    await parent.getByRole("heading", { name: "How things are going" }).waitFor();
    // Offered after the review and again now that the help has finished: each link says which.
    const afterClosing = parent.getByRole("link", {
      name: "Tell us how it was now that the help has finished",
    });
    await parent
      .getByRole("link", { name: "Tell us how it was after your review meeting" })
      .waitFor();
    await afterClosing.click();
    await arrive(parent, "How was it for you?", "How was it for you? (form)");
    await parent.getByRole("button", { name: "Send my answers" }).click();
    await problemsShown(parent);
    await scanPage(parent, "How was it for you? (missing answers)");

    await choose(parent, "I was treated with respect", "Strongly agree");
    await choose(parent, "People listened to me", "Agree");
    await choose(parent, "I was helped with what mattered to me", "Strongly agree");
    await choose(parent, "I would recommend this help to other families", "Strongly agree");
    await parent
      .getByLabel("Anything else you want to tell us (optional)")
      .fill("Jordan listened to Jo.");
    await choose(
      parent,
      "Who may see your answers?",
      "My lead professional may see my answers with my name",
    );
    await parent.getByRole("button", { name: "Send my answers" }).click();
    await arrive(parent, "Thank you", "How was it for you? (thank you)");
    await parent.getByRole("link", { name: "Back to our plan" }).click();
    await arrive(parent, "Our plan", "Our plan (answered)");
    await afterClosing.waitFor({ state: "detached" });

    // The lead sees the answer, shared by name.
    await lead.goto(familyUrl);
    await arrive(lead, "Summary");
    await lead.getByText("Jordan listened to Jo.").waitFor();
    await scanPage(lead, "Family summary (what the family said)");
  });

  it("9. the lead asks for help for the family again: the request is marked a re-referral", async () => {
    await lead.getByRole("link", { name: "Request help for this family" }).click();
    await arrive(lead, `Request help for ${familyName}`, "Request help (known family)");
    await chooseOption(
      lead.getByLabel("Which service are you asking to help?"),
      "Eastmoor Early Help Service",
    );
    await lead
      .getByRole("group", { name: "Which children is this about?" })
      .getByLabel(childName)
      .check();
    await lead.getByLabel("What are the worries?").fill("Mornings have slipped back since March.");
    await choose(lead, "Does the family know about this request?", "Yes");
    await choose(lead, "Does the family agree to it?", "Yes");
    await lead.getByRole("button", { name: "Send the request" }).click();
    await arrive(lead, familyName, "Request (re-referral)");
    await lead.getByText(/last Early Help episode closed less than 12 months before/).waitFor();
  });

  it("10. the administrator's authority settings page, and /admin for a manager", async () => {
    ({ page: admin } = await newPerson(browser));
    await signIn(admin, origin, "admin@demo.teamaround.test");
    await arrive(admin, "Administration");
    await admin.goto(`${origin}/admin/settings`);
    await arrive(admin, "Authority settings");
    await admin.getByRole("group", { name: /manager's sign-off/ }).waitFor();
    await admin.getByRole("button", { name: "Save settings" }).click();
    await admin.getByText("Settings saved").waitFor();
    await scanPage(admin, "Authority settings (saved)");
    await manager.goto(`${origin}/admin`);
    await arrive(manager, "You do not have access to administration", "Administration (manager)");
  });

  it("11. every page visited has no accessibility violations (axe, WCAG 2.2 AA) and no CSP refusals", () => {
    expect(scans.length).toBeGreaterThan(30);
    expect(violationReport()).toEqual([]);
    expect(pageProblems).toEqual([]);
  });
});
