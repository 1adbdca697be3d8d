import type {
  AckResult,
  ChatMessage,
  ClientToServerEvents,
  ServerToClientEvents,
} from "@teamaround/domain";
import { io, type Socket } from "socket.io-client";
import type { FanOutRecorder } from "../load/latency";
import { type BenchUser, benchOrigin } from "../protocol";

const marker = /^chat (\d+)/;

export interface AttendeeOptions {
  /** `http://127.0.0.1:<port>`. */
  url: string;
  meetingId: string;
  user: BenchUser;
  recorder: FanOutRecorder;
  peers: number;
}

/** A socket.io client in the room's live meeting: joins, sees presence, chats. */
export class Attendee {
  readonly socket: Socket<ServerToClientEvents, ClientToServerEvents>;
  presenceUpdates = 0;
  chatFailures = 0;
  disconnects = 0;
  /** Why chat messages failed and why the socket went, counted by reason. */
  readonly troubles = new Map<string, number>();

  constructor(private readonly options: AttendeeOptions) {
    this.socket = io(options.url, {
      path: "/socket.io",
      transports: ["websocket"],
      extraHeaders: { origin: benchOrigin, cookie: options.user.cookie },
      reconnection: false,
      forceNew: true,
    });
    this.socket.on("presence:update", () => this.presenceUpdates++);
    this.socket.on("chat:message", (message: ChatMessage) => {
      if (message.authorUserId === options.user.userId) return;
      const match = marker.exec(message.body);
      if (match) options.recorder.receive(Number(match[1]));
    });
    this.socket.on("access:revoked", ({ reason }) => this.note(`access revoked: ${reason}`));
    this.socket.on("disconnect", (reason) => {
      this.disconnects++;
      this.note(`disconnect: ${reason}`);
    });
  }

  /** Connects and joins the meeting; rejects with the server's reason. */
  async join(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.socket.once("connect", () => resolve());
      this.socket.once("connect_error", (error) => reject(error));
    });
    const result = await this.emit("meeting:join", { meetingId: this.options.meetingId }).catch(
      (error: Error) => {
        const troubles = [...this.troubles.keys()].join("; ");
        throw new Error(`meeting:join failed: ${error.message} (${troubles || "no reason given"})`);
      },
    );
    if (!result.ok) throw new Error(`meeting:join refused: ${result.error.message}`);
  }

  /** One chat message carrying its id, stored by the server before it is relayed. */
  chat(): void {
    const id = this.options.recorder.send(this.options.peers);
    const body = `chat ${id} from the bench`;
    this.emit("chat:send", { meetingId: this.options.meetingId, body }).then(
      (result) => {
        if (result.ok) return;
        this.chatFailures++;
        this.note(`chat refused: ${result.error.code}`);
      },
      (error: Error) => {
        this.chatFailures++;
        this.note(`chat failed: ${error.message}`);
      },
    );
  }

  private note(reason: string): void {
    this.troubles.set(reason, (this.troubles.get(reason) ?? 0) + 1);
  }

  close(): void {
    this.socket.disconnect();
  }

  private emit(event: keyof ClientToServerEvents, payload: unknown): Promise<AckResult<unknown>> {
    const timed = this.socket.timeout(10_000);
    const emit = timed.emitWithAck as (e: string, p: unknown) => Promise<AckResult<unknown>>;
    return emit.call(timed, event, payload);
  }
}
