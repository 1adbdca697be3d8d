import { checkDocument, editorMarks, editorNodes } from "@teamaround/domain";
import { Editor } from "@tiptap/core";
import Collaboration from "@tiptap/extension-collaboration";
import { afterEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { editorStarterKit } from "./editor-schema";

let editor: Editor | null = null;
afterEach(() => editor?.destroy());

function liveEditor(doc: Y.Doc, section: string): Editor {
  editor = new Editor({
    extensions: [editorStarterKit, Collaboration.configure({ document: doc, field: section })],
  });
  return editor;
}

describe("the editor and the server's document schema", () => {
  it("know the same nodes and marks", () => {
    const { schema } = liveEditor(new Y.Doc(), "worries");
    const nodes = Object.keys(schema.nodes).filter((n) => n !== "doc" && n !== "text");
    expect(nodes.sort()).toEqual(Object.keys(editorNodes).sort());
    expect(Object.keys(schema.marks).sort()).toEqual(Object.keys(editorMarks).sort());
  });

  it("writes only what the server accepts, whatever the person types", () => {
    const doc = new Y.Doc();
    const e = liveEditor(doc, "worries");
    e.commands.setContent(
      "<p><strong>Rent</strong> <em>arrears</em><br>since May</p>" +
        "<ul><li><p>School</p><ul><li><p>every day</p></li></ul></li></ul>" +
        '<ol start="3" type="a"><li><p>Third</p></li></ol><h1>heading</h1><blockquote>q</blockquote>' +
        "<pre><code>code</code></pre><p><s>struck</s> <u>under</u> <a href='x'>link</a></p>",
    );
    e.chain().setTextSelection({ from: 2, to: 6 }).toggleBold().toggleItalic().run();
    e.commands.setTextSelection(4);
    e.commands.splitBlock();
    const xml = doc.getXmlFragment("worries").toString(); // lower-cased names
    for (const part of ["<bold>", "<italic>", "<hardbreak>", "<listitem>", 'type="a"', "start"]) {
      expect(xml).toContain(part);
    }
    expect(checkDocument("plan", doc)).toBeNull();
  });
});
