import { describe, expect, it } from "vitest";
import * as ws from "ws";
import { binaryFrame } from "./websocket-frame";

/** `ws`'s frame reader (exported at run time; its types leave it out). */
interface FrameReader {
  on(event: "message", listener: (data: Buffer, isBinary: boolean) => void): void;
  on(event: "error", listener: (error: Error) => void): void;
  write(chunk: Buffer): void;
}
const { Receiver } = ws as unknown as {
  Receiver: new (options: { isServer: boolean }) => FrameReader;
};

/** What a client's `ws` reads from the bytes: each message and whether it was binary. */
function read(frame: Buffer): Promise<{ data: Buffer; isBinary: boolean }> {
  return new Promise((resolve, reject) => {
    const receiver = new Receiver({ isServer: false });
    receiver.on("message", (data: Buffer, isBinary: boolean) => resolve({ data, isBinary }));
    receiver.on("error", reject);
    receiver.write(frame);
  });
}

describe("a relayed message's frame", () => {
  it.each([0, 1, 125, 126, 65_535, 65_536, 70_001])(
    "is read back whole by a WebSocket client (%i bytes)",
    async (length) => {
      const payload = Uint8Array.from({ length }, (_, i) => (i * 31) % 256);
      const { data, isBinary } = await read(binaryFrame(payload));
      expect(isBinary).toBe(true);
      expect(data.equals(Buffer.from(payload))).toBe(true);
    },
  );
});
