import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { editorUpdate, write } from "../testing/test-realtime";
import { ShadowDocument } from "./shadow-document";

type Overwrites = [at: number, value: number][];

/**
 * The server's order: each update is tried on the shadow, and only what the
 * shadow accepts reaches the real document, which mirrors everything else
 * to the shadow (as LoadedDocument does). Counts what the real one threw on.
 */
function replay(steps: readonly Overwrites[]) {
  const real = editorUpdate(2);
  const doc = new Y.Doc();
  doc.clientID = 1;
  write(doc, 0, "What is working well", "plan");
  const shadow = new ShadowDocument("plan", doc);
  doc.on("update", (update: Uint8Array, origin: unknown) => {
    if (origin !== "client") shadow.mirror(update);
  });
  let accepted = 0;
  let threw = 0;
  let leftPending = false;
  for (const overwrites of steps) {
    const update = real.slice();
    for (const [at, value] of overwrites) update[at] = value;
    if (shadow.tryUpdate(update) !== null) continue;
    accepted++;
    try {
      Y.applyUpdate(doc, update, "client");
    } catch {
      threw++;
      break;
    }
    leftPending ||= doc.store.pendingStructs !== null || doc.store.pendingDs !== null;
  }
  return { accepted, threw, leftPending };
}

describe("the shadow copy", () => {
  // Found by fuzzing: crafted updates leave parts waiting for dependencies,
  // then a rejected one rebuilds the copy. Rebuilt from one merged update,
  // the copy's waiting parts differed from the real document's, so a later
  // update passed the copy and threw on the real one — which reloaded the
  // document and disconnected every editor, not only the sender.
  it.each<[string, Overwrites[]]>([
    [
      "seed 77",
      [
        [
          [34, 111],
          [27, 79],
        ],
        [[7, 33]],
        [
          [6, 77],
          [84, 127],
        ],
        [
          [101, 29],
          [47, 109],
        ],
      ],
    ],
    [
      "seed 612",
      [
        [
          [111, 24],
          [70, 9],
        ],
        [
          [27, 39],
          [3, 14],
        ],
        [[46, 214]],
        [[81, 45]],
      ],
    ],
    [
      "seed 1330",
      [
        [
          [85, 54],
          [46, 70],
        ],
        [[3, 54]],
        [[3, 14]],
        [[12, 111]],
        [[12, 196]],
        [[96, 71]],
      ],
    ],
    [
      "seed 1768",
      [
        [[31, 79]],
        [
          [16, 104],
          [27, 95],
          [34, 29],
        ],
        [
          [32, 44],
          [15, 234],
          [86, 1],
        ],
        [[28, 68]],
      ],
    ],
  ])("refuses on the copy whatever the real document would throw on (%s)", (_seed, steps) => {
    const { accepted, threw, leftPending } = replay(steps);
    expect(threw).toBe(0);
    // The sequence still reaches the state that used to diverge.
    expect(accepted).toBeGreaterThan(0);
    expect(leftPending).toBe(true);
  });

  it("never lets through an update the real document throws on", () => {
    const length = editorUpdate(2).length;
    const overwrites = fc.array(fc.tuple(fc.nat({ max: length - 1 }), fc.nat({ max: 255 })), {
      minLength: 1,
      maxLength: 4,
    });
    fc.assert(
      fc.property(fc.array(overwrites, { minLength: 1, maxLength: 40 }), (steps) => {
        expect(replay(steps).threw).toBe(0);
      }),
      // Bounded by count: about 1 s.
      { numRuns: 500 },
    );
  });

  it("is built when a client's update needs it, and dropped when clients stop writing", () => {
    const doc = new Y.Doc();
    write(doc, 0, "What is working well", "plan");
    const shadow = new ShadowDocument("plan", doc);
    doc.on("update", (update: Uint8Array, origin: unknown) => {
      if (origin !== "client") shadow.mirror(update);
    });
    expect(shadow.held).toBe(false);
    // The server writes while no copy is held: nothing to mirror, nothing built.
    write(doc, "end", " at school", "plan");
    expect(shadow.held).toBe(false);

    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(doc));
    const before = Y.encodeStateVector(client);
    write(client, "end", " and at home", "plan");
    const edit = Y.encodeStateAsUpdate(client, before);
    const beforeUse = Date.now();
    expect(shadow.tryUpdate(edit)).toBeNull();
    expect(shadow.held).toBe(true);
    Y.applyUpdate(doc, edit, "client");

    // Used at or after `beforeUse`, and before now.
    expect(shadow.releaseIfIdle(beforeUse)).toBe(false);
    expect(shadow.held).toBe(true);
    expect(shadow.releaseIfIdle(Date.now() + 1)).toBe(true);
    expect(shadow.held).toBe(false);

    // Rebuilt from the real document, the copy still refuses what the schema forbids…
    const stranger = new Y.Doc();
    stranger.getMap("not-a-section").set("x", 1);
    expect(shadow.tryUpdate(Y.encodeStateAsUpdate(stranger))).not.toBeNull();
    expect(shadow.held).toBe(false);
    // …and takes the next edit on top of everything the document holds.
    const next = Y.encodeStateVector(client);
    write(client, 0, "Now: ", "plan");
    expect(shadow.tryUpdate(Y.encodeStateAsUpdate(client, next))).toBeNull();
    expect(shadow.held).toBe(true);
  });
});
