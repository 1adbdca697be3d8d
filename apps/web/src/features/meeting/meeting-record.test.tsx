import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { FamilyAbilities } from "../../api/types";
import { fakeApi } from "../../testing/fake-api";
import { authority, family, familyId, meResponse, noAbilities } from "../../testing/fixtures";
import { renderApp } from "../../testing/render-app";

const meetingId = "3b8f1c2d-4e5a-4b6c-8d7e-9f0a1b2c3d4e";
const leadId = "9d1d97fe-9e71-473b-835a-b6f5e0445342";
const parentId = "5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b";
const meetingPath = `/api/families/${familyId}/meetings/${meetingId}`;
const hash = "a".repeat(64);
const correctionsPath = `/api/families/${familyId}/records/meeting_record/${meetingId}/corrections`;
const correctionWords =
  "Corrected on 12 March 2031 by Jordan Hale: Decisions — Carry on with the plan for six weeks. Reason: Misheard.";

const meeting = {
  id: meetingId,
  kind: "review",
  scheduledFor: "2031-03-10T10:00:00.000Z",
  durationMinutes: 60,
  location: null,
  notes: null,
  chair: { userId: leadId, name: "Jordan Hale" },
  state: "ended",
  agenda: [],
  currentAgendaItemId: null,
  startedAt: "2031-03-10T10:05:00.000Z",
  endedAt: "2031-03-10T10:50:00.000Z",
  cancelledAt: null,
  version: 3,
  invitees: [],
  planVersionId: "6f7a8b9c-0d1e-4f2a-9b3c-4d5e6f7a8b9c",
  timeliness: null,
  attendance: [],
  chat: [],
  decisions: [],
  apologies: [],
};

function record(
  overrides: {
    open?: boolean;
    mayRespond?: boolean;
    confirmed?: boolean;
    unchanged?: boolean;
    entries?: unknown[];
  } = {},
) {
  return {
    meeting: {
      id: meetingId,
      kind: "review",
      scheduledFor: meeting.scheduledFor,
      durationMinutes: 60,
      location: null,
      startedAt: meeting.startedAt,
      endedAt: meeting.endedAt,
      chair: meeting.chair,
    },
    version: { id: meeting.planVersionId, number: 2, hash, unchanged: overrides.unchanged ?? true },
    attendance: [
      {
        userId: leadId,
        name: "Jordan Hale",
        role: "practitioner",
        chair: true,
        agencyName: "Eastmoor Early Help Service",
        spans: [{ joinedAt: "2031-03-10T10:05:00.000Z", leftAt: "2031-03-10T10:50:00.000Z" }],
      },
      {
        userId: parentId,
        name: "Alex Hart",
        role: "family_member",
        chair: false,
        agencyName: null,
        spans: [
          { joinedAt: "2031-03-10T10:06:00.000Z", leftAt: "2031-03-10T10:20:00.000Z" },
          { joinedAt: "2031-03-10T10:25:00.000Z", leftAt: "2031-03-10T10:50:00.000Z" },
        ],
      },
    ],
    apologies: [
      {
        id: "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d",
        kind: "practitioner",
        name: "Sam Okafor",
        agencyName: "Eastmoor Health Visiting Team",
        reason: "On leave",
        recordedByName: "Jordan Hale",
        recordedAt: "2031-03-09T09:00:00.000Z",
      },
    ],
    decisions: [
      {
        id: "2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e",
        text: "Carry on with the plan",
        recordedByName: "Jordan Hale",
        recordedAt: "2031-03-10T10:40:00.000Z",
      },
    ],
    actionsAgreed: [
      {
        id: "3c4d5e6f-7a8b-4c9d-8e1f-2a3b4c5d6e7f",
        text: "Call the landlord",
        dueDate: "2031-04-01",
        status: "open",
        owners: [
          { name: "Alex Hart", agencyName: null },
          { name: "Jordan Hale", agencyName: "Eastmoor Early Help Service" },
        ],
      },
    ],
    nextMeeting: {
      id: "4d5e6f7a-8b9c-4d0e-9f2a-3b4c5d6e7f8a",
      scheduledFor: "2031-05-12T08:00:00.000Z",
      state: "scheduled",
    },
    nextReviewBy: null,
    responses: {
      respondBy: "2031-03-17T10:50:00.000Z",
      open: overrides.open ?? true,
      entries: overrides.entries ?? [],
      mine: {
        mayRespond: overrides.mayRespond ?? true,
        confirmed: overrides.confirmed ?? false,
        refusal: null,
      },
    },
  };
}

function abilities(): FamilyAbilities {
  const a = noAbilities();
  a.meeting = { ...a.meeting, read: true };
  return a;
}

function serve(data: ReturnType<typeof record>, onRespond?: (body: unknown) => void) {
  const a = abilities();
  return fakeApi({
    "GET /api/me": [200, meResponse()],
    "GET /api/authority": [200, { data: authority }],
    [`GET /api/families/${familyId}`]: [200, { data: family, abilities: a }],
    [`GET ${meetingPath}`]: [200, { data: meeting, abilities: a }],
    [`GET ${meetingPath}/record`]: [200, { data, abilities: a }],
    [`GET ${correctionsPath}`]: [
      200,
      { data: [{ id: "c1", words: correctionWords }], abilities: a },
    ],
    [`POST ${meetingPath}/record/responses`]: (call) => {
      onRespond?.(call.body);
      const entry = {
        id: "5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a80",
        name: "Jordan Hale",
        fromFamily: false,
        kind: "confirmed",
        comment: null,
        respondedAt: "2031-03-11T09:00:00.000Z",
      };
      return [201, { data: record({ confirmed: true, entries: [entry] }), abilities: a }];
    },
  });
}

describe("the held meeting's record", () => {
  it("shows when it ran, who came with each join and leave, apologies, decisions, actions and the next meeting", async () => {
    serve(record());
    renderApp(`/families/${familyId}/meetings/${meetingId}/room`);
    const section = await screen.findByTestId("meeting-record");
    const text = section.textContent ?? "";
    expect(text).toContain(
      "10 March 2031 at 10:05am to 10:50am (booked for 10 March 2031 at 10am)",
    );
    expect(text).toContain("12 May 2031 at 9am");
    const attendance = within(screen.getByTestId("attendance"));
    expect(attendance.getByText("Chair, Eastmoor Early Help Service")).toBeTruthy();
    expect(attendance.getByText("10:06am to 10:20am; 10:25am to 10:50am")).toBeTruthy();
    expect(screen.getByTestId("apologies").textContent).toBe(
      "Sam Okafor (Eastmoor Health Visiting Team): On leave",
    );
    expect(text).toContain("Carry on with the plan");
    expect(text).toContain("Written down by Jordan Hale at 10:40am");
    expect(screen.getByTestId("actions-agreed").textContent).toContain(
      "Alex Hart and Jordan Hale (Eastmoor Early Help Service), by 1 April 2031",
    );
    expect(screen.getByTestId("record-unchanged").textContent).toBe(
      "This record has not changed since the meeting ended.",
    );
    expect(screen.queryByText(/Fingerprint \(SHA-256\)/)).toBeNull();
    expect(screen.getByTestId("version-hash").textContent).toBe(hash);
    expect(screen.getByText("How we know")).toBeTruthy();
  });

  it("shows staff the record's corrections beneath it, without the form for a team member", async () => {
    serve(record());
    renderApp(`/families/${familyId}/meetings/${meetingId}/room`);
    const section = await screen.findByRole("region", { name: "Corrections" });
    expect(within(section).getByText(correctionWords)).toBeTruthy();
    expect(within(section).queryByRole("button", { name: "Add the correction" })).toBeNull();
  });

  it("confirms the record and shows the confirmation under it", async () => {
    const bodies: unknown[] = [];
    serve(record(), (b) => bodies.push(b));
    renderApp(`/families/${familyId}/meetings/${meetingId}/room`);
    fireEvent.click(await screen.findByLabelText("Yes, it is right"));
    fireEvent.click(screen.getByRole("button", { name: "Send" }));
    await waitFor(() => expect(bodies).toEqual([{ kind: "confirmed" }]));
    expect(
      await screen.findByText("Jordan Hale confirmed it is right, on 11 March 2031 at 9am."),
    ).toBeTruthy();
    // Having confirmed, one may still comment.
    expect(screen.getByRole("button", { name: "Add comment" })).toBeTruthy();
  });

  it("asks for the comment before sending one", async () => {
    const bodies: unknown[] = [];
    serve(record(), (b) => bodies.push(b));
    renderApp(`/families/${familyId}/meetings/${meetingId}/room`);
    fireEvent.click(await screen.findByLabelText("No, I want to add a comment"));
    fireEvent.click(screen.getByRole("button", { name: "Send" }));
    expect((await screen.findAllByText("Enter your comment")).length).toBeGreaterThan(0);
    fireEvent.change(screen.getByLabelText("What is missing or wrong?"), {
      target: { value: "The date of the next meeting is wrong" },
    });
    fireEvent.click(screen.getByRole("button", { name: "Send" }));
    await waitFor(() =>
      expect(bodies).toEqual([
        { kind: "commented", comment: "The date of the next meeting is wrong" },
      ]),
    );
  });

  it("says when the time to respond has passed, and shows no form", async () => {
    serve(record({ open: false, mayRespond: false }));
    renderApp(`/families/${familyId}/meetings/${meetingId}/room`);
    expect((await screen.findByTestId("response-closed")).textContent).toContain(
      "The time to confirm or comment on this record has passed. It closed on 17 March 2031.",
    );
    expect(screen.queryByRole("button", { name: "Send" })).toBeNull();
  });

  it("warns when the stored record no longer matches its fingerprint", async () => {
    serve(record({ unchanged: false }));
    renderApp(`/families/${familyId}/meetings/${meetingId}/room`);
    expect(
      await screen.findByText(
        /This record no longer matches the one stored when the meeting ended/,
      ),
    ).toBeTruthy();
    expect(screen.queryByTestId("record-unchanged")).toBeNull();
  });
});
