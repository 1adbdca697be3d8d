import type { AddressInfo } from "node:net";
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface ReceivedMail {
  envelopeTo: string[];
  parsed: ParsedMail;
}

export interface TestSmtpServer {
  /** `smtp://127.0.0.1:<port>` for SMTP_URL. */
  url: string;
  /** Every message the server accepted, parsed, in order. */
  received: ReceivedMail[];
  /** How many deliveries it refused so far. */
  refused: number;
  /** How many deliveries it accepted so far. */
  accepted: number;
  /** Refuse the next `count` messages with this reply code (e.g. 451: try later; 550: never). */
  refuseNext(count: number, code: number): void;
  /** Waits (bounded) until at least `count` messages have arrived. */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  close(): Promise<void>;
}

/**
 * A real SMTP server in the test process (the `smtp-server` package) on a
 * free port of 127.0.0.1, with every message parsed by `mailparser`. It
 * stands in for the council's mail server; nothing about our code is faked.
 */
export async function startTestSmtpServer(
  options: { parse?: boolean } = {},
): Promise<TestSmtpServer> {
  const parse = options.parse ?? true;
  let refuseCount = 0;
  let refuseCode = 451;
  const state = {
    received: [] as ReceivedMail[],
    refused: 0,
    accepted: 0,
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    size: 1024 * 1024,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        if (refuseCount > 0) {
          refuseCount--;
          state.refused++;
          const error = Object.assign(new Error("Please try again later"), {
            responseCode: refuseCode,
          });
          callback(error);
          return;
        }
        state.accepted++;
        const envelopeTo = session.envelope.rcptTo.map((r) => r.address);
        if (!parse) {
          callback();
          return;
        }
        simpleParser(Buffer.concat(chunks))
          .then((parsed) => {
            state.received.push({ envelopeTo, parsed });
            callback();
          })
          .catch((error: Error) => callback(error));
      });
    },
  });
  const port = await new Promise<number>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      resolve((server.server.address() as AddressInfo).port);
    });
  });
  return {
    url: `smtp://127.0.0.1:${port}`,
    get received() {
      return state.received;
    },
    get refused() {
      return state.refused;
    },
    get accepted() {
      return state.accepted;
    },
    refuseNext(count, code) {
      refuseCount = count;
      refuseCode = code;
    },
    async waitFor(count, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      while (state.received.length < count && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      if (state.received.length < count) {
        throw new Error(`expected ${count} messages, received ${state.received.length}`);
      }
      return state.received;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
