import { documentSections } from "@teamaround/domain";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { personName, sectionOf } from "./use-people";

describe("sectionOf", () => {
  it("finds the section a cursor from awareness is in", () => {
    const doc = new Y.Doc();
    const paragraph = new Y.XmlElement("paragraph");
    const text = new Y.XmlText();
    paragraph.insert(0, [text]);
    doc.getXmlFragment("worries").insert(0, [paragraph]);
    text.insert(0, "Rent arrears");
    const anchor = Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(text, 4));
    expect(sectionOf(doc, documentSections.plan, anchor)).toBe("worries");
    expect(sectionOf(doc, documentSections.plan, { nonsense: true })).toBeNull();
  });

  it("names people with their agency when they have one", () => {
    expect(personName({ name: "Sam Okafor", agency: "Health" })).toBe("Sam Okafor (Health)");
    expect(personName({ name: "Alex Rivers", agency: null })).toBe("Alex Rivers");
  });
});
