import { fireEvent, screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { fakeApi } from "../../testing/fake-api";
import { authority, meResponse } from "../../testing/fixtures";
import { renderApp } from "../../testing/render-app";

describe("a new case's locality", () => {
  it("is offered from the authority's list and sent when chosen", async () => {
    const fake = fakeApi({
      "GET /api/me": [200, meResponse()],
      "GET /api/authority": [200, { data: { ...authority, localities: ["North", "South"] } }],
      "POST /api/families": [422, { error: { code: "unprocessable", message: "Stop here." } }],
    });
    renderApp("/families/new");
    fireEvent.change(await screen.findByLabelText("Family name"), {
      target: { value: "The Test family" },
    });
    fireEvent.click(await screen.findByLabelText(/3 – Targeted early help/));
    fireEvent.change(screen.getByLabelText("Locality"), { target: { value: "South" } });
    fireEvent.click(screen.getByRole("button", { name: "Start the case" }));
    await waitFor(() => expect(fake.callsTo("POST", "/api/families")).toHaveLength(1));
    expect(fake.callsTo("POST", "/api/families")[0]?.body).toMatchObject({ locality: "South" });
  });

  it("is not asked where the authority has no localities", async () => {
    fakeApi({
      "GET /api/me": [200, meResponse()],
      "GET /api/authority": [200, { data: authority }],
    });
    renderApp("/families/new");
    await screen.findByLabelText("Family name");
    expect(screen.queryByLabelText("Locality")).toBeNull();
  });
});
