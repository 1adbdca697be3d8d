import { teamMemberships } from "@teamaround/db";
import { buildScenario } from "@teamaround/db/testing";
import { formatDocumentName } from "@teamaround/domain";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { realtimeTestSetup } from "../testing/realtime-test-setup";
import { cookieFor, text, waitFor, write } from "../testing/test-realtime";
import { createDocumentStore, foldUpdates } from "./store";

const setup = realtimeTestSetup();
const { connect } = setup;

async function storedText(name: string): Promise<string> {
  const stored = await createDocumentStore(setup.db).fetch(name);
  const doc = new Y.Doc();
  Y.applyUpdate(doc, foldUpdates(stored.snapshot, stored.updates));
  return text(doc);
}

/** Everyone gone and the document out of the server's memory: the return must come from storage. */
async function unloaded(): Promise<void> {
  await waitFor(
    () => setup.server.realtime.stats().loadedDocuments === 0,
    "the document to unload",
  );
}

describe("a client offline for a long time with edits of its own", () => {
  it("merges and stores its edits when it is back", async () => {
    await setup.start({ unloadDelayMs: 50 });
    const { family, users } = await buildScenario(setup.db);
    const name = formatDocumentName({ kind: "plan", familyId: family.id });
    const lead = connect(name, await cookieFor(setup.db, users.lead.id));
    const member = connect(name, await cookieFor(setup.db, users.teamMember.id));
    await Promise.all([lead.synced, member.synced]);
    write(lead, 0, "Shared. ");
    await waitFor(() => text(member) === "Shared. ", "the shared start");

    member.provider.disconnect();
    write(member, "end", "Typed offline. ");
    write(lead, "end", "Typed online. ");
    await waitFor(
      async () => (await storedText(name)).includes("online"),
      "the lead's edit stored",
    );
    lead.provider.disconnect();
    await unloaded();

    member.provider.connect();
    await member.synced;
    await waitFor(
      async () => (await storedText(name)).includes("Typed offline. "),
      "the offline edit stored",
    );
    const merged = await storedText(name);
    expect(merged).toContain("Typed online. ");
    expect(merged.startsWith("Shared. ")).toBe(true);
    lead.provider.connect();
    await waitFor(() => text(lead) === merged && text(member) === merged, "both to converge");
  });

  it("pushes nothing once the person was removed from the team meanwhile", async () => {
    await setup.start({ unloadDelayMs: 50 });
    const { family, users } = await buildScenario(setup.db);
    const name = formatDocumentName({ kind: "plan", familyId: family.id });
    const lead = connect(name, await cookieFor(setup.db, users.lead.id));
    const member = connect(name, await cookieFor(setup.db, users.teamMember.id));
    await Promise.all([lead.synced, member.synced]);
    write(lead, 0, "Shared. ");
    await waitFor(() => text(member) === "Shared. ", "the shared start");

    member.provider.disconnect();
    write(member, "end", "Typed after leaving. ");
    await setup.db
      .update(teamMemberships)
      .set({ removedAt: new Date() })
      .where(
        and(
          eq(teamMemberships.familyId, family.id),
          eq(teamMemberships.userId, users.teamMember.id),
        ),
      );
    lead.provider.disconnect();
    await unloaded();

    member.provider.connect();
    // Refused at the handshake: no longer on the team, so the family is not theirs to know (4404).
    expect(await member.closed).toEqual({ code: 4404, reason: "unknown document" });
    expect(member.provider.shouldConnect).toBe(false);
    expect(setup.server.realtime.stats().updatesAccepted).toBe(1);
    expect(await storedText(name)).toBe("Shared. ");
    lead.provider.connect();
    await lead.synced;
    expect(text(lead)).toBe("Shared. ");
  });
});
