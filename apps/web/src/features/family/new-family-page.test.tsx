import { fireEvent, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { fakeApi } from "../../testing/fake-api";
import { authority, meResponse } from "../../testing/fixtures";
import { renderApp } from "../../testing/render-app";

describe("a form's errors", () => {
  it("asks for missing answers before sending anything", async () => {
    const fake = fakeApi({
      "GET /api/me": [200, meResponse()],
      "GET /api/authority": [200, { data: authority }],
    });
    renderApp("/families/new");
    fireEvent.click(await screen.findByRole("button", { name: "Start the case" }));
    const summary = await screen.findByRole("alert");
    expect(
      within(summary)
        .getByRole("link", { name: "Enter a name for the family" })
        .getAttribute("href"),
    ).toBe("#displayName");
    expect(fake.callsTo("POST", "/api/families")).toHaveLength(0);
  });

  it("shows the API's field errors beside the field and in the summary", async () => {
    fakeApi({
      "GET /api/me": [200, meResponse()],
      "GET /api/authority": [200, { data: authority }],
      "POST /api/families": [
        422,
        {
          error: {
            code: "unprocessable",
            message: "The family cannot be saved.",
            details: [{ path: "levelOfNeed", message: "not a configured level of need" }],
          },
        },
      ],
    });
    renderApp("/families/new");
    fireEvent.change(await screen.findByLabelText("Family name"), {
      target: { value: "The Test family" },
    });
    fireEvent.click(await screen.findByLabelText(/3 – Targeted early help/));
    fireEvent.click(screen.getByRole("button", { name: "Start the case" }));
    const summary = await screen.findByRole("alert");
    expect(
      within(summary)
        .getByRole("link", { name: "Level of need: not a configured level of need" })
        .getAttribute("href"),
    ).toBe("#levelOfNeed");
    expect(document.getElementById("levelOfNeed-error")?.textContent).toBe(
      "Error: Not a configured level of need",
    );
  });
});
