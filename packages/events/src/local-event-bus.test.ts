import type { RealtimeEvent } from "@teamaround/domain";
import { describe, expect, it } from "vitest";
import { createLocalEventBus } from "./local-event-bus";

const familyId = "0b9b6f0e-7d0a-4c1e-9a53-2f6a4d0c1e11";
const revoked: RealtimeEvent = { type: "access.revoked", familyId, reason: "Access ended." };

describe("local event bus", () => {
  it("delivers to every subscriber until it unsubscribes", async () => {
    const bus = createLocalEventBus();
    const a: RealtimeEvent[] = [];
    const b: RealtimeEvent[] = [];
    bus.subscribe((e) => void a.push(e));
    const stopB = bus.subscribe((e) => void b.push(e));
    await bus.publish(revoked);
    stopB();
    await bus.publish(revoked);
    expect(a).toEqual([revoked, revoked]);
    expect(b).toEqual([revoked]);
  });

  it("drops an invalid event and survives a failing handler", async () => {
    const warnings: string[] = [];
    const errors: string[] = [];
    const logger = {
      warn: (_: object, message: string) => void warnings.push(message),
      error: (_: object, message: string) => void errors.push(message),
    };
    const bus = createLocalEventBus({ logger });
    const seen: RealtimeEvent[] = [];
    bus.subscribe(() => {
      throw new Error("boom");
    });
    bus.subscribe(async () => {
      throw new Error("async boom");
    });
    bus.subscribe((e) => void seen.push(e));
    await bus.publish({ type: "access.revoked", reason: "names nobody" } as RealtimeEvent);
    await bus.publish(revoked);
    await new Promise((resolve) => setImmediate(resolve));
    expect(seen).toEqual([revoked]);
    expect(warnings).toEqual(["dropped an invalid event"]);
    expect(errors).toEqual(["an event handler failed", "an event handler failed"]);
  });
});
