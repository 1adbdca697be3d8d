import { buildScenario } from "@teamaround/db/testing";
import { formatDocumentName } from "@teamaround/domain";
import fc from "fast-check";
import * as encoding from "lib0/encoding";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { realtimeTestSetup } from "../testing/realtime-test-setup";
import {
  connectClient,
  cookieFor,
  editorUpdate,
  openRawSocket,
  type RawSocket,
  serverText,
  text,
  waitFor,
  write,
} from "../testing/test-realtime";
import { encodeSyncStep1, messageAwareness, messageSync, syncUpdate } from "./protocol";

const setup = realtimeTestSetup();

/** A family whose plan the lead has written in, with the lead still connected. */
async function livePlan() {
  const scenario = await buildScenario(setup.db);
  const name = formatDocumentName({ kind: "plan", familyId: scenario.family.id });
  const cookie = await cookieFor(setup.db, scenario.users.lead.id);
  const lead = connectClient(setup.server.url, name, cookie);
  setup.keep(lead);
  await lead.synced;
  write(lead, 0, "What is working well");
  await waitFor(
    () => serverText(setup.server.realtime, name) === "What is working well",
    "the edit",
  );
  let leadCloses = 0;
  lead.provider.on("connection-close", () => leadCloses++);
  return { ...scenario, name, cookie, lead, leadCloses: () => leadCloses };
}

/** Opens a raw socket and completes a real sync, so what follows is judged after the handshake. */
async function handshaken(name: string, cookie: string): Promise<RawSocket> {
  const socket = openRawSocket(setup.server.url, name, cookie);
  await socket.opened;
  socket.ws.send(encodeSyncStep1(new Y.Doc()));
  await waitFor(
    () => socket.messages.some((m) => m[0] === messageSync && m[1] === 1),
    "sync step 2",
  );
  return socket;
}

function framed(type: number, subtype: number | null, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, type);
  if (subtype !== null) encoding.writeVarUint(encoder, subtype);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

/** The lead still edits and a fresh client still syncs: the server is up and the document intact. */
async function expectDocumentIntact(plan: Awaited<ReturnType<typeof livePlan>>, before: string) {
  write(plan.lead, 0, "Still editing. ");
  await waitFor(
    () => serverText(setup.server.realtime, plan.name) === `Still editing. ${before}`,
    "edit",
  );
  const fresh = connectClient(setup.server.url, plan.name, plan.cookie);
  setup.keep(fresh);
  await fresh.synced;
  expect(text(fresh)).toBe(`Still editing. ${before}`);
  expect(plan.leadCloses()).toBe(0);
}

describe("hostile frames", () => {
  // ~13 s on a busy 2-core machine; the limit leaves room for one four times slower.
  it("closes only the offender for random bytes, random framed updates and random awareness", async () => {
    await setup.start({ maxConnectionsPerUser: 1000 });
    const plan = await livePlan();
    const bytes = fc.uint8Array({ maxLength: 96 });
    // Crafted updates: a real update with bytes overwritten, so decoding gets part-way in.
    // A mutation that still decodes and conforms is a legitimate write in another section.
    const real = editorUpdate();
    const mutated = fc
      .array(fc.tuple(fc.nat({ max: real.length - 1 }), fc.nat({ max: 255 })), {
        minLength: 1,
        maxLength: 4,
      })
      .map((edits) => {
        const copy = real.slice();
        for (const [at, value] of edits) copy[at] = value;
        return framed(messageSync, syncUpdate, copy);
      });
    const frames = fc.oneof(
      bytes,
      mutated,
      bytes.map((b) => framed(messageSync, syncUpdate, b)),
      bytes.map((b) => framed(messageSync, 1, b)),
      bytes.map((b) => framed(messageSync, 0, b)),
      bytes.map((b) => framed(messageAwareness, null, b)),
      fc.tuple(fc.nat({ max: 300 }), bytes).map(([type, b]) => framed(type, null, b)),
    );
    await fc.assert(
      fc.asyncProperty(frames, async (frame) => {
        const socket = await handshaken(plan.name, plan.cookie);
        const before = socket.messages.length;
        socket.ws.send(frame);
        // A valid sync step 1 after the frame: answered if the frame was harmless.
        socket.ws.send(encodeSyncStep1(new Y.Doc()));
        const answered = waitFor(() => socket.messages.length > before, "an answer", 15_000).then(
          () => "open" as const,
        );
        const result = await Promise.race([answered, socket.closed]);
        socket.ws.terminate();
        if (result !== "open") expect([4400, 1009]).toContain(result.code);
      }),
      // Bounded by count, never by time; each run is a real handshake.
      { numRuns: 150 },
    );
    await expectDocumentIntact(plan, "What is working well");
  }, 120_000);

  it.each([
    ["an unknown message type", new Uint8Array([7]), "unknown message type"],
    ["a truncated update", new Uint8Array([0, 2, 9, 1, 2]), "truncated message"],
    ["trailing bytes", new Uint8Array([0, 0, 1, 0, 99]), "trailing bytes after the message"],
    [
      "an update that is not Yjs",
      framed(0, 2, new Uint8Array([1, 1, 200, 1, 7, 255])),
      "update rejected",
    ],
    [
      "a state vector that is not one",
      framed(0, 0, new Uint8Array([5, 1])),
      "malformed state vector",
    ],
    [
      "awareness that is not JSON",
      framed(1, null, new Uint8Array([1, 1, 1, 2, 123, 34])),
      "malformed awareness update",
    ],
  ])("closes with 4400 for %s", async (_what, frame, reason) => {
    await setup.start();
    const plan = await livePlan();
    const socket = await handshaken(plan.name, plan.cookie);
    socket.ws.send(frame);
    expect(await socket.closed).toEqual({ code: 4400, reason });
    await expectDocumentIntact(plan, "What is working well");
  });

  it("closes with 4400 for a text frame", async () => {
    await setup.start();
    const plan = await livePlan();
    const socket = await handshaken(plan.name, plan.cookie);
    socket.ws.send("hello");
    expect(await socket.closed).toEqual({ code: 4400, reason: "text messages not accepted" });
  });
});

describe("limits", () => {
  it("closes with 1009 for a message over the size limit, and for a frame far over it", async () => {
    await setup.start({ maxMessageBytes: 64 * 1024 });
    const plan = await livePlan();
    const over = await handshaken(plan.name, plan.cookie);
    over.ws.send(framed(messageSync, syncUpdate, new Uint8Array(80 * 1024)));
    expect(await over.closed).toEqual({ code: 1009, reason: "message too large" });
    const huge = await handshaken(plan.name, plan.cookie);
    huge.ws.send(new Uint8Array(1024 * 1024));
    expect((await huge.closed).code).toBe(1009);
    await expectDocumentIntact(plan, "What is working well");
  });

  it("closes with 4429 a connection that sends faster than its rate", async () => {
    await setup.start({ messagesPerSecond: 20, messageBurst: 40 });
    const plan = await livePlan();
    const socket = await handshaken(plan.name, plan.cookie);
    for (let i = 0; i < 100; i++) socket.ws.send(new Uint8Array([3]));
    expect(await socket.closed).toEqual({ code: 4429, reason: "too many messages" });
    await expectDocumentIntact(plan, "What is working well");
  });

  it("closes with 4408 a socket that says nothing after opening", async () => {
    await setup.start({ handshakeTimeoutMs: 150 });
    const { family, users } = await buildScenario(setup.db);
    const name = formatDocumentName({ kind: "plan", familyId: family.id });
    const socket = openRawSocket(setup.server.url, name, await cookieFor(setup.db, users.lead.id));
    expect(await socket.closed).toEqual({ code: 4408, reason: "no message in time" });
  });
});
