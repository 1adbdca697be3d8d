import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import type { DocumentKind } from "./document-name";
import { checkDocument, checkTransaction } from "./document-schema";

function element(name: string, children: (Y.XmlElement | Y.XmlText)[] = [], attrs = {}) {
  const node = new Y.XmlElement(name);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value as string);
  node.insert(0, children);
  return node;
}
function text(value: string, marks: Record<string, unknown> = {}): Y.XmlText {
  const run = new Y.XmlText();
  run.insert(0, value, marks);
  return run;
}
const paragraph = (value: string) => element("paragraph", [text(value)]);

/** A plan as the editor writes it: marks, a hard break, a nested list, a numbered list. */
function goodPlan(): Y.Doc {
  const doc = new Y.Doc();
  doc
    .getXmlFragment("worries")
    .insert(0, [
      element("paragraph", [text("Rent ", { bold: {} }), element("hardBreak"), text("arrears")]),
      element("bulletList", [
        element("listItem", [
          paragraph("School"),
          element("bulletList", [element("listItem", [paragraph("every day")])]),
        ]),
      ]),
      element("orderedList", [element("listItem", [paragraph("first")])], { start: 3 }),
    ]);
  doc.getXmlFragment("working_well").insert(0, [element("paragraph")]);
  return doc;
}

/** Applies another document's update in one transaction and checks what it changed. */
function applyChecked(kind: DocumentKind, doc: Y.Doc, update: Uint8Array) {
  let problem: string | null = null;
  Y.transact(doc, (transaction) => {
    Y.applyUpdate(doc, update);
    problem = checkTransaction(kind, doc, transaction);
  });
  return problem;
}

/** The update a change makes to a copy of `doc`. */
function changeOf(doc: Y.Doc, change: (copy: Y.Doc) => void): Uint8Array {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  const before = Y.encodeStateVector(copy);
  change(copy);
  return Y.encodeStateAsUpdate(copy, before);
}

describe("checkDocument", () => {
  it("accepts what the editor writes", () => {
    expect(checkDocument("plan", goodPlan())).toBeNull();
    expect(checkDocument("voice", new Y.Doc())).toBeNull();
  });

  const bad: [string, DocumentKind, (doc: Y.Doc) => void, RegExp][] = [
    [
      "a bare text in a section",
      "voice",
      (d) => d.getXmlFragment("family_words").insert(0, [text("x")]),
      /text where blocks/,
    ],
    [
      "an unknown section",
      "voice",
      (d) => d.getXmlFragment("worries").insert(0, [paragraph("x")]),
      /unknown section/,
    ],
    ["a root map", "plan", (d) => d.getMap("worries").set("a", 1), /fragment|attributes/],
    ["a root text", "plan", (d) => d.getText("content").insert(0, "x"), /unknown section/],
    [
      "a heading (turned off in the editor)",
      "plan",
      (d) => d.getXmlFragment("worries").insert(0, [element("heading", [text("x")], { level: 1 })]),
      /unknown node/,
    ],
    [
      "a blockquote (turned off)",
      "plan",
      (d) => d.getXmlFragment("worries").insert(0, [element("blockquote", [paragraph("x")])]),
      /unknown node/,
    ],
    [
      "a script element",
      "plan",
      (d) => d.getXmlFragment("worries").insert(0, [element("script")]),
      /unknown node/,
    ],
    [
      "a paragraph in a paragraph",
      "plan",
      (d) => d.getXmlFragment("worries").insert(0, [element("paragraph", [paragraph("x")])]),
      /cannot be here/,
    ],
    [
      "a list item outside a list",
      "plan",
      (d) => d.getXmlFragment("worries").insert(0, [element("listItem", [paragraph("x")])]),
      /cannot be here/,
    ],
    [
      "a paragraph straight in a list",
      "plan",
      (d) => d.getXmlFragment("worries").insert(0, [element("bulletList", [paragraph("x")])]),
      /cannot be here/,
    ],
    [
      "text straight in a list item",
      "plan",
      (d) =>
        d
          .getXmlFragment("worries")
          .insert(0, [element("bulletList", [element("listItem", [text("x")])])]),
      /text where blocks/,
    ],
    [
      "a child in a hard break",
      "plan",
      (d) =>
        d
          .getXmlFragment("worries")
          .insert(0, [element("paragraph", [element("hardBreak", [text("x")])])]),
      /text where blocks/,
    ],
    [
      "an unknown mark",
      "plan",
      (d) =>
        d.getXmlFragment("worries").insert(0, [element("paragraph", [text("x", { strike: {} })])]),
      /unknown mark/,
    ],
    [
      "a mark with attributes",
      "plan",
      (d) =>
        d
          .getXmlFragment("worries")
          .insert(0, [element("paragraph", [text("x", { bold: { href: "javascript:" } })])]),
      /attributes of bold/,
    ],
    [
      "an embed in text",
      "plan",
      (d) => {
        const run = new Y.XmlText();
        run.insertEmbed(0, { image: "x" });
        d.getXmlFragment("worries").insert(0, [element("paragraph", [run])]);
      },
      /embedded/,
    ],
    [
      "attributes on a paragraph",
      "plan",
      (d) => d.getXmlFragment("worries").insert(0, [element("paragraph", [], { style: "x" })]),
      /attributes of paragraph/,
    ],
    [
      "a list start that is not a number",
      "plan",
      (d) => d.getXmlFragment("worries").insert(0, [element("orderedList", [], { start: "x" })]),
      /attributes of orderedList/,
    ],
    [
      "attributes on text",
      "plan",
      (d) => {
        const run = text("x");
        d.getXmlFragment("worries").insert(0, [element("paragraph", [run])]);
        run.setAttribute("a", "b");
      },
      /attributes on text/,
    ],
  ];

  it.each(bad)("refuses %s", (_, kind, change, why) => {
    const doc = new Y.Doc();
    change(doc);
    expect(checkDocument(kind, doc)).toMatch(why);
  });

  it.each(bad)("refuses %s arriving as an update to a fresh document", (_, kind, change, why) => {
    const source = new Y.Doc();
    change(source);
    expect(applyChecked(kind, new Y.Doc(), Y.encodeStateAsUpdate(source))).toMatch(why);
  });
});

describe("checkTransaction", () => {
  it("accepts a keystroke, a new list item, a deletion and formatting", () => {
    const doc = goodPlan();
    const keystroke = changeOf(doc, (copy) => {
      const run = (copy.getXmlFragment("worries").get(0) as Y.XmlElement).get(2) as Y.XmlText;
      run.insert(run.length, "!");
    });
    expect(applyChecked("plan", doc, keystroke)).toBeNull();
    const item = changeOf(doc, (copy) => {
      const list = copy.getXmlFragment("worries").get(1) as Y.XmlElement;
      list.insert(1, [element("listItem", [paragraph("new")])]);
      copy.getXmlFragment("working_well").delete(0, 1);
      ((copy.getXmlFragment("worries").get(0) as Y.XmlElement).get(0) as Y.XmlText).format(0, 2, {
        italic: {},
        bold: null,
      });
    });
    expect(applyChecked("plan", doc, item)).toBeNull();
    expect(checkDocument("plan", doc)).toBeNull();
  });

  it("finds a bad node created deep inside content that already existed", () => {
    const doc = goodPlan();
    const nested = changeOf(doc, (copy) => {
      const item = (copy.getXmlFragment("worries").get(1) as Y.XmlElement).get(0) as Y.XmlElement;
      item.insert(1, [element("bulletList", [element("listItem", [element("listItem")])])]);
    });
    expect(applyChecked("plan", doc, nested)).toMatch(/listItem cannot be here/);
  });

  it("finds a mark added to an existing run", () => {
    const doc = goodPlan();
    const marked = changeOf(doc, (copy) => {
      ((copy.getXmlFragment("worries").get(0) as Y.XmlElement).get(0) as Y.XmlText).format(0, 1, {
        code: {},
      });
    });
    expect(applyChecked("plan", doc, marked)).toMatch(/unknown mark/);
  });
});

describe("checkTransaction on a document stored before the schema", () => {
  it("judges only the roots a change touches", () => {
    const doc = new Y.Doc();
    doc.getText("content").insert(0, "legacy");
    doc.getXmlFragment("worries").insert(0, [paragraph("x")]);
    const edit = changeOf(doc, (copy) =>
      copy.getXmlFragment("worries").insert(1, [paragraph("y")]),
    );
    expect(applyChecked("plan", doc, edit)).toBeNull();
    const legacy = changeOf(doc, (copy) => copy.getText("content").insert(0, "more "));
    expect(applyChecked("plan", doc, legacy)).toMatch(/unknown section/);
  });
});
