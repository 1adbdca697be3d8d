import { describe, expect, it } from "vitest";
import { planActionNotices } from "./action-notice-recipients";

const ann = { userId: "ann" };
const bob = { userId: "bob" };
const cat = { userId: "cat" };
const mum = { memberId: "mum" };
const teen = { memberId: "teen" };
const base = { text: "Book the dentist", dueDate: "2026-03-10", owners: [ann, bob] };

describe("who is told about an action", () => {
  it("tells every owner but the one who made it that it is theirs", () => {
    expect(planActionNotices(null, base, { userId: "ann" })).toEqual({
      assigned: [bob],
      changed: [],
      changedFields: [],
    });
  });

  it("tells new owners it is theirs and existing owners what changed", () => {
    const after = { text: "Book the dentist today", dueDate: "2026-03-12", owners: [bob, cat] };
    expect(planActionNotices(base, after, { userId: "ann" })).toEqual({
      assigned: [cat],
      changed: [bob],
      changedFields: ["due_date", "text"],
    });
  });

  it("tells nobody of a change to status or owners alone beyond the new owners", () => {
    expect(
      planActionNotices(base, { ...base, owners: [ann, bob, cat] }, { userId: "bob" }),
    ).toEqual({ assigned: [cat], changed: [], changedFields: [] });
    expect(planActionNotices(base, base, { userId: "zed" })).toEqual({
      assigned: [],
      changed: [],
      changedFields: [],
    });
  });

  it("does not tell the person who changed it", () => {
    const after = { ...base, dueDate: "2026-03-11" };
    expect(planActionNotices(base, after, { userId: "bob" }).changed).toEqual([ann]);
  });

  it("tells family members who own it, as it tells staff", () => {
    const withFamily = { ...base, owners: [ann, mum] };
    expect(planActionNotices(null, withFamily, { userId: "ann" }).assigned).toEqual([mum]);
    const moved = { ...withFamily, owners: [ann, mum, teen], dueDate: "2026-03-20" };
    expect(planActionNotices(withFamily, moved, { userId: "ann" })).toEqual({
      assigned: [teen],
      changed: [mum],
      changedFields: ["due_date"],
    });
  });

  it("does not tell a family member of their own doing, but tells the others", () => {
    const withFamily = { ...base, owners: [ann, mum] };
    const parent = { userId: "mum-account", memberId: "mum" };
    expect(planActionNotices(null, withFamily, parent).assigned).toEqual([ann]);
    const changed = { ...withFamily, text: "Book the dentist and the optician" };
    expect(planActionNotices(withFamily, changed, parent).changed).toEqual([ann]);
    // A family member's record is never mistaken for the actor when the actor has none.
    expect(planActionNotices(null, withFamily, { userId: "ann", memberId: null }).assigned).toEqual(
      [mum],
    );
  });

  it("names each owner once", () => {
    expect(
      planActionNotices(null, { ...base, owners: [bob, bob, mum, mum] }, { userId: "ann" })
        .assigned,
    ).toEqual([bob, mum]);
  });
});
