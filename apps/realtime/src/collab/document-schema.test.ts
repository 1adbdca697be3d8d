import { documentUpdates } from "@teamaround/db";
import { buildScenario } from "@teamaround/db/testing";
import { checkDocument, formatDocumentName } from "@teamaround/domain";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { realtimeTestSetup } from "../testing/realtime-test-setup";
import { cookieFor, paragraphOf, serverText, text, waitFor, write } from "../testing/test-realtime";

const setup = realtimeTestSetup();
const { connect } = setup;

const loggedUpdates = async (name: string) =>
  setup.db.select().from(documentUpdates).where(eq(documentUpdates.documentName, name));

/** What a hostile family member can push into their own-words document with a stock client. */
const hostile: [string, (doc: Y.Doc) => void][] = [
  [
    "a bare text node in a section",
    (d) => d.getXmlFragment("family_words").insert(0, [new Y.XmlText("x")]),
  ],
  ["an unknown section", (d) => d.getXmlFragment("minutes").insert(0, [paragraphOf("x")])],
  ["a root map", (d) => d.getMap("settings").set("theme", "dark")],
  ["a root text", (d) => d.getText("content").insert(0, "x")],
  [
    "a heading the editor cannot render",
    (d) => {
      const h = new Y.XmlElement("heading");
      h.insert(0, [new Y.XmlText("x")]);
      d.getXmlFragment("child_words").insert(0, [h]);
    },
  ],
  [
    "a paragraph inside a paragraph",
    (d) => {
      const outer = new Y.XmlElement("paragraph");
      outer.insert(0, [paragraphOf("x")]);
      d.getXmlFragment("family_words").insert(0, [outer]);
    },
  ],
  [
    "an unknown mark",
    (d) => {
      const run = new Y.XmlText();
      d.getXmlFragment("family_words").insert(0, [paragraphOf(run)]);
      run.insert(0, "x", { link: { href: "javascript:alert(1)" } });
    },
  ],
];

describe("document schema at the server", () => {
  it.each(hostile)(
    "closes a writer who sends %s, and never stores or relays it",
    async (_, change) => {
      await setup.start();
      const { family, users } = await buildScenario(setup.db);
      const name = formatDocumentName({ kind: "voice", familyId: family.id });
      const parent = connect(name, await cookieFor(setup.db, users.parentUser.id));
      const lead = connect(name, await cookieFor(setup.db, users.lead.id));
      await Promise.all([parent.synced, lead.synced]);
      write(parent, 0, "In my words");
      await waitFor(() => text(lead) === "In my words", "the parent's real edit");
      const storedBefore = (await loggedUpdates(name)).length;

      Y.transact(parent.doc, () => change(parent.doc));
      expect(await parent.closed).toEqual({ code: 4400, reason: "update rejected" });

      // The lead's next edit is stored after anything accepted before it. The
      // server applies an update before its group commit lands, so wait for
      // the row, not for the server's text.
      write(lead, "end", ". Read by the lead");
      await waitFor(
        async () => (await loggedUpdates(name)).length > storedBefore,
        "the lead's edit stored",
      );
      expect(serverText(setup.server.realtime, name)).toBe("In my words. Read by the lead");
      expect((await loggedUpdates(name)).length).toBe(storedBefore + 1);
      expect(checkDocument("voice", lead.doc)).toBeNull();
      const fresh = connect(name, await cookieFor(setup.db, users.teamMember.id));
      await fresh.synced;
      expect(checkDocument("voice", fresh.doc)).toBeNull();
      expect(text(fresh)).toBe("In my words. Read by the lead");
    },
  );
});
