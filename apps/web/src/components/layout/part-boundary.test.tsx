import type { MeetingRoomState, Participant } from "@teamaround/domain";
import { render, screen, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { RoomPeople } from "../../features/meeting/room-people";
import { PeopleHere } from "../../features/plan/live-document-panel";
import type { Person } from "../../features/plan/use-people";
import { PartBoundary } from "./part-boundary";

/** A value that throws the moment it is rendered, as a malformed live entry would. */
function broken<T extends object>(value: T, field: keyof T): T {
  return Object.defineProperty({ ...value }, field, {
    get() {
      throw new TypeError("not what the page expected");
    },
  });
}

beforeEach(() => {
  // React reports every caught render error on the console; the boundary's own line is asserted below.
  vi.spyOn(console, "error").mockImplementation(() => {});
});

function Thrower(): never {
  throw new Error("broken editor");
}

describe("PartBoundary", () => {
  it("shows the error in the broken part's own box and renders the rest of the page", () => {
    render(
      <main>
        <h1>Plan</h1>
        <PartBoundary what="this part of the document">
          <Thrower />
        </PartBoundary>
        <PartBoundary what="this part of the document">
          <p>What is working well</p>
        </PartBoundary>
      </main>,
    );
    expect(screen.getByRole("heading", { name: "Plan" })).toBeTruthy();
    expect(screen.getByText("What is working well")).toBeTruthy();
    const box = screen.getByRole("alert");
    expect(within(box).getByRole("heading", { name: "This part could not be shown" })).toBeTruthy();
    expect(within(box).getByRole("link", { name: "Reload the page" }).getAttribute("href")).toBe(
      window.location.href,
    );
    expect(console.error).toHaveBeenCalledWith(
      "this part of the document could not be shown: Error",
      expect.any(String),
    );
  });
});

describe("one broken presence entry", () => {
  const person = (clientId: number, name: string): Person => ({
    clientId,
    name,
    agency: null,
    role: "family_member",
    color: "#1d70b8",
    section: null,
  });

  it("hides only that person in the plan's 'Here now'", () => {
    const { container } = render(
      <p>
        <PeopleHere
          people={[
            person(1, "Alex Rivers"),
            broken(person(2, "x"), "name"),
            person(3, "Sam Okafor"),
          ]}
        />
      </p>,
    );
    expect(container.textContent).toMatch(
      /^Here now: Alex Rivers, \(One person could not be shown\. Reload the page\), Sam Okafor\.$/,
    );
  });

  it("hides only that participant in the meeting room", () => {
    const participant = (userId: string, name: string): Participant => ({
      userId,
      name,
      role: "team_member",
      agency: "Eastmoor School",
      handRaised: false,
      isChair: false,
    });
    const room = {
      meetingId: "m1",
      participants: [
        participant("u1", "Ann Lead"),
        broken(participant("u2", "x"), "name"),
        participant("u3", "Sam Nurse"),
      ],
      agenda: [],
      currentAgendaItemId: null,
    } as unknown as MeetingRoomState;
    render(
      <RoomPeople
        room={room}
        socket={null}
        meId="u1"
        abilities={{ moderate: true, setAgenda: true, recordDecision: true }}
      />,
    );
    const list = screen.getByTestId("participants");
    expect(within(list).getAllByRole("listitem")).toHaveLength(3);
    expect(within(list).getByText("Ann Lead, Eastmoor School")).toBeTruthy();
    expect(within(list).getByText("Sam Nurse, Eastmoor School")).toBeTruthy();
    expect(within(list).getAllByTestId("part-failed")).toHaveLength(1);
    expect(screen.getByRole("heading", { name: "Who is here" })).toBeTruthy();
  });
});
