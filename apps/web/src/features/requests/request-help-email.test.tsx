import { fireEvent, screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { fakeApi } from "../../testing/fake-api";
import { authority, meResponse } from "../../testing/fixtures";
import { renderApp } from "../../testing/render-app";

const agency = {
  id: "c76729ba-d188-4f44-a651-f1904e0fde4e",
  name: "Eastmoor Early Help Service",
  type: "other",
  active: true,
  createdAt: "2026-01-10T10:00:00.000Z",
};

const refused = [
  400,
  {
    error: {
      code: "validation_failed",
      message: "The request is not valid.",
      details: [{ path: "requesterEmail", message: "Invalid email address" }],
    },
  },
] as [number, unknown];

describe("a family member who asked can be told the outcome", () => {
  it("asks for their address only when the family asked, and sends it", async () => {
    const fake = fakeApi({
      "GET /api/me": [200, meResponse()],
      "GET /api/authority": [200, { data: authority }],
      "GET /api/agencies": [200, { data: [agency] }],
      "GET /api/directory/practitioners": [200, { data: [] }],
      "POST /api/help-requests": refused,
    });
    renderApp("/requests/new");
    const service = await screen.findByLabelText("Which service are you asking to help?");
    await waitFor(() => expect(screen.getByRole("option", { name: agency.name })).toBeTruthy());
    expect(screen.queryByLabelText(/Their email address/)).toBeNull();

    fireEvent.change(service, { target: { value: agency.id } });
    fireEvent.change(screen.getByLabelText("Family name"), {
      target: { value: "The Ashdown family" },
    });
    fireEvent.change(screen.getByLabelText("First name"), { target: { value: "Mia" } });
    fireEvent.change(screen.getByLabelText("Last name"), { target: { value: "Ashdown" } });
    fireEvent.click(screen.getByLabelText("The family asked"));
    fireEvent.change(screen.getByLabelText("Who in the family asked?"), {
      target: { value: "Taylor Ashdown" },
    });
    fireEvent.change(screen.getByLabelText(/Their email address/), {
      target: { value: "taylor@family.example" },
    });
    fireEvent.change(screen.getByLabelText("What are the worries?"), {
      target: { value: "Mia is often late." },
    });
    for (const yes of screen.getAllByLabelText("Yes")) fireEvent.click(yes);
    fireEvent.click(screen.getByRole("button", { name: "Send the request" }));

    await waitFor(() => expect(fake.callsTo("POST", "/api/help-requests")).toHaveLength(1));
    expect(fake.callsTo("POST", "/api/help-requests")[0]?.body).toMatchObject({
      requesterKind: "family",
      requesterName: "Taylor Ashdown",
      requesterEmail: "taylor@family.example",
    });
    // The API's refusal is shown beside the field.
    expect((await screen.findAllByText(/Invalid email address/)).length).toBeGreaterThan(0);
  });
});
