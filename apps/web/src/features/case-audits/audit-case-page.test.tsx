import { caseAuditAreas, caseAuditAreaWords, documentKinds } from "@teamaround/domain";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { fakeApi } from "../../testing/fake-api";
import { authority, family, familyId, meResponse, noAbilities } from "../../testing/fixtures";
import { renderApp } from "../../testing/render-app";

const managerId = "3f0c3a52-2d7e-4a36-9c7e-0d3f6f1b9a10";
const leadId = "9d1d97fe-9e71-473b-835a-b6f5e0445342";

function serve(options: { manager: boolean }) {
  const abilities = noAbilities();
  abilities.case_audit = { read: true, create: options.manager, acknowledge: !options.manager };
  abilities.supervision = { read: true, record: options.manager };
  const me = options.manager
    ? meResponse({ id: managerId, role: "manager", displayName: "Sam Okafor" })
    : meResponse();
  const audit = {
    id: "5a1d0c36-7a43-4b8e-9a39-2b6a1e0c4d21",
    familyId,
    episodeId: "1b7f0a8e-52f4-4d7f-9a7e-0f0a1c2d3e4f",
    auditedOn: "2026-11-20",
    auditor: { userId: managerId, name: "Sam Okafor" },
    practitioner: { userId: leadId, name: "Jordan Hale" },
    grade: "requires_improvement",
    areas: caseAuditAreas.map((area) => ({ area, grade: "good", comment: `About ${area}.` })),
    feedback: "Record Robin's own words.",
    fromSample: true,
    acknowledgedAt: null,
    practitionerResponse: null,
  };
  return fakeApi({
    "GET /api/me": [200, me],
    "GET /api/authority": [200, { data: authority }],
    [`GET /api/families/${familyId}`]: [
      200,
      {
        data: family,
        abilities,
        documents: Object.fromEntries(documentKinds.map((k) => [k, "none"])),
      },
    ],
    [`GET /api/families/${familyId}/case-audits`]: [200, { data: [audit], abilities }],
    [`GET /api/families/${familyId}/supervision`]: [200, { data: [], abilities }],
    [`POST /api/families/${familyId}/case-audits`]: [201, { data: audit, abilities }],
    [`POST /api/families/${familyId}/case-audits/${audit.id}/acknowledge`]: [
      200,
      { data: { ...audit, acknowledgedAt: "2026-11-29T10:00:00.000Z" }, abilities },
    ],
  });
}

describe("auditing a case", () => {
  it("asks for every area with its prompt, names what is missing, then sends the audit", async () => {
    const api = serve({ manager: true });
    renderApp(`/families/${familyId}/oversight/audit`);
    await screen.findByRole("heading", { level: 1, name: "Audit this case" });
    // Each area's prompt is the hint of its comment.
    const voice = screen.getByRole("textbox", {
      name: "Comment",
      description: caseAuditAreaWords.voice_of_the_child.prompt,
    });
    expect(voice).toBeTruthy();

    fireEvent.click(screen.getByRole("button", { name: "Record the audit" }));
    const summary = await screen.findByRole("alert");
    expect(within(summary).getByText("Select the overall grade")).toBeTruthy();
    expect(within(summary).getByText("Comment on voice of the child")).toBeTruthy();
    expect(api.calls.some((c) => c.method === "POST")).toBe(false);

    for (const area of caseAuditAreas) {
      const group = screen.getByRole("group", {
        name: `Grade for ${caseAuditAreaWords[area].label.toLowerCase()}`,
      });
      fireEvent.click(within(group).getByLabelText("Good"));
    }
    for (const comment of screen.getAllByRole("textbox", { name: "Comment" })) {
      fireEvent.change(comment, { target: { value: "Seen on the file." } });
    }
    const overall = screen.getByRole("group", { name: "Overall grade" });
    fireEvent.click(within(overall).getByLabelText("Requires improvement"));
    fireEvent.change(screen.getByLabelText("Feedback to the lead professional"), {
      target: { value: "Record Robin's own words." },
    });
    fireEvent.click(screen.getByRole("button", { name: "Record the audit" }));
    await waitFor(() => expect(api.calls.some((c) => c.method === "POST")).toBe(true));
    const sent = api.calls.find((c) => c.method === "POST")?.body as {
      grade: string;
      areas: { area: string }[];
    };
    expect(sent.grade).toBe("requires_improvement");
    expect(sent.areas.map((a) => a.area)).toEqual([...caseAuditAreas]);
  });

  it("shows the lead the feedback with a form to acknowledge it", async () => {
    const api = serve({ manager: false });
    renderApp(`/families/${familyId}/oversight`);
    await screen.findByText("Record Robin's own words.");
    expect(screen.queryByRole("link", { name: "Audit this case" })).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Acknowledge the feedback" }));
    await waitFor(() =>
      expect(api.calls.some((c) => c.method === "POST" && c.path.endsWith("/acknowledge"))).toBe(
        true,
      ),
    );
  });
});
