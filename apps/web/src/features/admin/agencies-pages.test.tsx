import { fireEvent, screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { fakeApi } from "../../testing/fake-api";
import { meResponse } from "../../testing/fixtures";
import { renderApp } from "../../testing/render-app";

function administrator() {
  const me = meResponse({ role: "administrator" });
  me.abilities.agency.manage = true;
  return me;
}

const school = {
  id: "0cad36c2-13ec-4604-8d5e-0c964a8da836",
  name: "Riverside Primary",
  type: "school",
  active: true,
  contactEmail: "safeguarding@riverside.example",
  version: 1,
  createdAt: "2026-01-10T10:00:00.000Z",
};
const surgery = {
  ...school,
  id: "6f1a2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b",
  name: "Riverside Surgery",
  contactEmail: null,
  version: 3,
};

describe("Administration → agencies: contact addresses", () => {
  it("lists each agency's contact address, or that it has none", async () => {
    fakeApi({
      "GET /api/me": [200, administrator()],
      "GET /api/agencies": [200, { data: [school, surgery] }],
    });
    renderApp("/admin/agencies");
    expect(await screen.findByText("safeguarding@riverside.example")).toBeTruthy();
    expect(screen.getByText("None")).toBeTruthy();
  });

  it("sets a contact address, and shows the API's refusal beside the field", async () => {
    const api = fakeApi({
      "GET /api/me": [200, administrator()],
      "GET /api/agencies": [200, { data: [school, surgery] }],
      "PATCH /api/agencies/6f1a2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b": [
        400,
        {
          error: {
            code: "validation_failed",
            message: "The request is not valid.",
            details: [{ path: "contactEmail", message: "Invalid email address" }],
          },
        },
      ],
    });
    renderApp(`/admin/agencies/${surgery.id}`);
    const field = await screen.findByLabelText(/Contact email address/);
    fireEvent.change(field, { target: { value: "team@surgery.example" } });
    fireEvent.click(screen.getByRole("button", { name: "Save" }));
    await waitFor(() =>
      expect(api.callsTo("PATCH", `/api/agencies/${surgery.id}`)).toHaveLength(1),
    );
    expect(api.callsTo("PATCH", `/api/agencies/${surgery.id}`)[0]?.body).toMatchObject({
      version: 3,
      contactEmail: "team@surgery.example",
    });
    expect((await screen.findAllByText(/Invalid email address/)).length).toBeGreaterThan(0);
  });

  it("checks the address's form before sending", async () => {
    const api = fakeApi({
      "GET /api/me": [200, administrator()],
      "GET /api/agencies": [200, { data: [school, surgery] }],
    });
    renderApp("/admin/agencies/new");
    fireEvent.change(await screen.findByLabelText("Name"), { target: { value: "Youth Service" } });
    fireEvent.change(screen.getByLabelText("Type"), { target: { value: "voluntary" } });
    fireEvent.change(screen.getByLabelText(/Contact email address/), {
      target: { value: "not an address" },
    });
    fireEvent.click(screen.getByRole("button", { name: "Add agency" }));
    expect((await screen.findAllByText(/in the right format/)).length).toBeGreaterThan(0);
    expect(api.callsTo("POST", "/api/agencies")).toHaveLength(0);
  });
});
