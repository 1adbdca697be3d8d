import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { sanitizeAwarenessState } from "./awareness.schema";

const user = { name: "Ann", role: "team_member", agency: "Health", color: "#00703c" };

describe("sanitizeAwarenessState", () => {
  it("keeps the cursor y-prosemirror sets and stamps the user", () => {
    const doc = new Y.Doc();
    const fragment = doc.getXmlFragment("worries");
    fragment.insert(0, [new Y.XmlElement("paragraph")]);
    const anchor = Y.createRelativePositionFromTypeIndex(fragment, 1);
    const cursor = JSON.parse(JSON.stringify({ anchor, head: anchor }));
    expect(sanitizeAwarenessState({ cursor, user: { name: "Mallory" } }, user)).toEqual({
      user,
      cursor,
    });
    expect(sanitizeAwarenessState({ cursor: null }, user)).toEqual({ user, cursor: null });
  });

  it.each([
    ["a string", "not a cursor"],
    ["a number anchor", { anchor: 3, head: 3 }],
    ["no head", { anchor: { tname: "worries" } }],
    ["a position pointing nowhere", { anchor: {}, head: {} }],
    ["a bad id", { anchor: { item: { client: -1, clock: 0 } }, head: { tname: "x" } }],
    ["an array", [1, 2]],
  ])("drops a cursor that is %s", (_, cursor) => {
    expect(sanitizeAwarenessState({ cursor }, user)).toEqual({ user });
  });

  it("drops every field the editor does not read", () => {
    expect(sanitizeAwarenessState({ name: "x", __proto__: { a: 1 }, selection: 1 }, user)).toEqual({
      user,
    });
  });
});
