import { auditEvents } from "@teamaround/db";
import { buildScenario } from "@teamaround/db/testing";
import { formatDocumentName } from "@teamaround/domain";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { realtimeTestSetup } from "../testing/realtime-test-setup";
import { cookieFor, paragraphOf, text, waitFor, write } from "../testing/test-realtime";

const setup = realtimeTestSetup();
const { connect } = setup;

describe("co-editing a plan", () => {
  it("converges two concurrent editors and gives a late joiner the full state", async () => {
    await setup.start();
    const { family, users } = await buildScenario(setup.db);
    const name = formatDocumentName({ kind: "plan", familyId: family.id });
    const lead = connect(name, await cookieFor(setup.db, users.lead.id));
    const member = connect(name, await cookieFor(setup.db, users.teamMember.id));
    await Promise.all([lead.synced, member.synced]);
    // Two connections asking at once share one load.
    expect(setup.server.realtime.stats()).toMatchObject({ documentLoads: 1, loadedDocuments: 1 });

    // Both type at once, many small edits each, in the same text and a rich-text fragment.
    for (let i = 0; i < 20; i++) {
      write(lead, 0, "L");
      write(member, "end", "m");
      const paragraph = paragraphOf(`worry ${i}`);
      (i % 2 ? lead : member).doc.getXmlFragment("worries").insert(0, [paragraph]);
    }
    await waitFor(
      () => text(lead).length === 40 && text(member) === text(lead),
      "the two editors to converge",
    );
    expect(text(lead)).toMatch(/^(?=(.*L){20})(?=(.*m){20})/);
    await waitFor(
      () => member.doc.getXmlFragment("worries").length === 20,
      "the fragments to converge",
    );
    expect(lead.doc.getXmlFragment("worries").toString()).toBe(
      member.doc.getXmlFragment("worries").toString(),
    );

    const late = connect(name, await cookieFor(setup.db, users.teamMember.id));
    await late.synced;
    expect(text(late)).toBe(text(lead));
    expect(late.doc.getXmlFragment("worries").toString()).toBe(
      lead.doc.getXmlFragment("worries").toString(),
    );
  });

  it("serves HTTP requests and leaves other upgrade paths on the same server alone", async () => {
    await setup.start();
    let otherUpgrades = 0;
    setup.server.server.on("upgrade", (request, socket) => {
      if (request.url?.startsWith("/socket.io")) {
        otherUpgrades++;
        socket.end("HTTP/1.1 404 Not Found\r\n\r\n");
      }
    });
    const http = await fetch(setup.server.url.replace("ws:", "http:").replace("/yjs", "/health"));
    expect(await http.text()).toBe("http still works\n");
    const other = new WebSocket(setup.server.url.replace("/yjs", "/socket.io/?EIO=4"));
    await new Promise((resolve) => other.on("error", resolve));
    expect(otherUpgrades).toBe(1);
  });

  it("writes every successful join to the audit log", async () => {
    await setup.start();
    const { family, users } = await buildScenario(setup.db);
    const name = formatDocumentName({ kind: "voice", familyId: family.id });
    const parent = connect(name, await cookieFor(setup.db, users.parentUser.id));
    await parent.synced;
    const rows = await setup.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.familyId, family.id), eq(auditEvents.event, "document.join")));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      actorId: users.parentUser.id,
      actorRole: "family_member",
      resourceType: "document",
      resourceId: name,
      details: { access: "read-write" },
    });
  });
});
