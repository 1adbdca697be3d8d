import { buildScenario } from "@teamaround/db/testing";
import { formatDocumentName } from "@teamaround/domain";
import { describe, expect, it } from "vitest";
import { realtimeTestSetup } from "../testing/realtime-test-setup";
import { cookieFor, text, waitFor, write } from "../testing/test-realtime";

const setup = realtimeTestSetup();
const { connect } = setup;

describe("the shadow copy of a loaded document", () => {
  it("exists while people write, goes when they stop, and comes back for the next edit", async () => {
    await setup.start({ shadowIdleMs: 200 });
    const { family, users } = await buildScenario(setup.db);
    const name = formatDocumentName({ kind: "plan", familyId: family.id });
    const lead = connect(name, await cookieFor(setup.db, users.lead.id));
    const member = connect(name, await cookieFor(setup.db, users.teamMember.id));
    await Promise.all([lead.synced, member.synced]);
    const stats = () => setup.server.realtime.stats();
    // Only read so far: one Y.Doc in memory, no copy.
    expect(stats()).toMatchObject({ loadedDocuments: 1, shadowCopies: 0, shadowBuilds: 0 });

    // Counted as built, not read as held: on a slow machine the copy may already be idle by now.
    write(lead, 0, "Mornings");
    await waitFor(() => text(member) === "Mornings", "the member to see the lead's edit");
    expect(stats().shadowBuilds).toBe(1);
    await waitFor(() => stats().shadowCopies === 0, "the idle copy to be dropped");

    // Rebuilt for the next writer, on top of everything the document holds.
    write(member, "end", " at school");
    await waitFor(() => text(lead) === "Mornings at school", "the lead to see the member's edit");
    expect(stats().shadowBuilds).toBe(2);
    await waitFor(() => stats().shadowCopies === 0, "the copy to be dropped again");

    // A rebuilt copy still refuses what the schema forbids: the writer is closed, nothing is stored.
    member.doc.getMap("not-a-section").set("x", 1);
    expect((await member.closed).code).toBe(4400);
    const late = connect(name, await cookieFor(setup.db, users.lead.id));
    await late.synced;
    expect(text(late)).toBe("Mornings at school");
    expect(late.doc.share.has("not-a-section")).toBe(false);
  });
});
