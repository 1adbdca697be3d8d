import { afterEach, describe, expect, it, vi } from "vitest";
import {
  clearRefusals,
  closeAllLive,
  connectionId,
  forgetConnection,
  liveSnapshot,
  registerLive,
  reportRefusal,
  reportStatus,
  reportUnsaved,
} from "./live-connections";
import { accessRevokedMessage, documentRefusalMessage } from "./refusal-messages";

afterEach(() => closeAllLive());

describe("live connections", () => {
  it("say 'reconnecting' only for a connection that was up and went down", () => {
    const id = connectionId("yjs");
    reportStatus(id, "connecting");
    expect(liveSnapshot().reconnecting).toBe(false);
    reportStatus(id, "connected");
    reportStatus(id, "reconnecting");
    expect(liveSnapshot().reconnecting).toBe(true);
    reportStatus(id, "connected");
    expect(liveSnapshot().reconnecting).toBe(false);
    reportStatus(id, "reconnecting");
    forgetConnection(id);
    expect(liveSnapshot().reconnecting).toBe(false);
  });

  it("say 'unsaved' while any connection reports edits waiting to be stored", () => {
    const id = connectionId("yjs");
    reportStatus(id, "connected");
    reportUnsaved(id, true);
    expect(liveSnapshot().unsaved).toBe(true);
    reportStatus(id, "reconnecting");
    expect(liveSnapshot().unsaved).toBe(true);
    reportUnsaved(id, false);
    expect(liveSnapshot().unsaved).toBe(false);
  });

  it("keep each refusal once until cleared", () => {
    reportRefusal({ familyId: "f1", message: "gone" });
    reportRefusal({ familyId: "f1", message: "gone" });
    expect(liveSnapshot().refusals).toHaveLength(1);
    clearRefusals();
    expect(liveSnapshot().refusals).toHaveLength(0);
  });

  it("close every registered connection on sign-out, once", () => {
    const close = vi.fn();
    const unregister = registerLive(close);
    closeAllLive();
    closeAllLive();
    unregister();
    expect(close).toHaveBeenCalledTimes(1);
  });
});

describe("refusal messages", () => {
  it("say why access ended, in the server's words", () => {
    expect(documentRefusalMessage(4403, "Consent to share with your agency was withdrawn.")).toBe(
      "You no longer have access to this family's plan: Consent to share with your agency was withdrawn.",
    );
    expect(accessRevokedMessage("You were removed from the team")).toBe(
      "You no longer have access to this family's plan: You were removed from the team.",
    );
  });

  it("ask to sign in again when the session has gone", () => {
    expect(documentRefusalMessage(4401, "not signed in")).toMatch(
      /no longer signed in.*Sign in again/,
    );
  });
});
