import { fireEvent, render, screen, within } from "@testing-library/react";
import { useState } from "react";
import { describe, expect, it } from "vitest";
import type { FamilyAudience } from "../../api/types";
import { AudienceFields, audienceProblem, SeenBy, wholeFamily } from "./audience-fields";

const members = [
  {
    id: "1f0c8a4e-3b2d-4c1e-9a7f-5d6e7f8a9b01",
    kind: "adult",
    givenName: "Dana",
    familyName: "Ashdown",
  },
  {
    id: "2a1d9b5f-4c3e-4d2f-8b8a-6e7f8a9b0c12",
    kind: "child",
    givenName: "Robin",
    familyName: "Ashdown",
  },
  {
    id: "3b2e0c6a-5d4f-4e3a-9c9b-7f8a9b0c1d23",
    kind: "child",
    givenName: "Jo",
    familyName: "Ashdown",
  },
] as const;

let chosen: FamilyAudience = wholeFamily;

function Form() {
  const [audience, setAudience] = useState<FamilyAudience>(wholeFamily);
  chosen = audience;
  return (
    <AudienceFields id="audience" value={audience} onChange={setAudience} members={[...members]} />
  );
}

describe("who in the family can see this", () => {
  it("defaults to the whole family and offers the four audiences", () => {
    render(<Form />);
    const group = screen.getByRole("group", { name: "Who in the family can see this?" });
    const radios = within(group).getAllByRole("radio");
    expect(radios.map((r) => r.parentElement?.textContent)).toEqual([
      "The whole family",
      "Adults with parental responsibility",
      "One young person only",
      "Named family members",
    ]);
    expect(
      (screen.getByRole("radio", { name: "The whole family" }) as HTMLInputElement).checked,
    ).toBe(true);
  });

  it("chooses one young person among the children only", () => {
    render(<Form />);
    fireEvent.click(screen.getByRole("radio", { name: "One young person only" }));
    const which = screen.getByRole("group", { name: "Which young person?" });
    expect(
      within(which)
        .getAllByRole("radio")
        .map((r) => r.parentElement?.textContent),
    ).toEqual(["Robin Ashdown", "Jo Ashdown"]);
    expect(audienceProblem(chosen)).toBe("Select the young person who can see this");
    fireEvent.click(within(which).getByRole("radio", { name: "Jo Ashdown" }));
    expect(chosen).toEqual({ kind: "young_person", memberIds: [members[2].id] });
    expect(audienceProblem(chosen)).toBeNull();
  });

  it("names members with checkboxes", () => {
    render(<Form />);
    fireEvent.click(screen.getByRole("radio", { name: "Named family members" }));
    fireEvent.click(screen.getByRole("checkbox", { name: "Dana Ashdown" }));
    fireEvent.click(screen.getByRole("checkbox", { name: "Robin Ashdown" }));
    expect(chosen).toEqual({ kind: "named_members", memberIds: [members[0].id, members[1].id] });
  });

  it("tells practitioners who sees an item", () => {
    render(
      <SeenBy
        audience={{ kind: "named_members", memberIds: [members[1].id] }}
        members={[...members]}
      />,
    );
    expect(screen.getByText(/Seen by:/).parentElement?.textContent).toBe("Seen by: Robin Ashdown");
  });
});
