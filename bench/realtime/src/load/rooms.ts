import { Attendee } from "../clients/attendee";
import { Editor, type Framing } from "../clients/editor";
import type { BenchRoom } from "../protocol";
import type { ClientHealth } from "../report";
import type { FanOutRecorder } from "./latency";

export interface ConnectedRoom {
  room: BenchRoom;
  editors: Editor[];
  attendees: Attendee[];
}

export interface Recorders {
  edits: FanOutRecorder;
  chat: FanOutRecorder;
}

/** Rooms connected at once while ramping up, so the accept backlog and handshakes keep up. */
const roomsPerBatch = 10;
const connectTimeoutMs = 60_000;

async function within<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out: ${what}`)), connectTimeoutMs);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Every client of one room: its editor synced with `plan:`, its attendee in the meeting. */
async function connectRoom(
  port: number,
  room: BenchRoom,
  recorders: Recorders,
  meetings: boolean,
  framing: Framing,
): Promise<ConnectedRoom> {
  const peers = room.users.length - 1;
  const editors = room.users.map(
    (user) =>
      new Editor({
        url: `ws://127.0.0.1:${port}/yjs`,
        documentName: room.documentName,
        user,
        recorder: recorders.edits,
        peers,
        framing,
      }),
  );
  const attendees = (meetings ? room.users : []).map(
    (user) =>
      new Attendee({
        url: `http://127.0.0.1:${port}`,
        meetingId: room.meetingId,
        user,
        recorder: recorders.chat,
        peers,
      }),
  );
  const connected = { room, editors, attendees };
  try {
    await within(
      Promise.all([...editors.map((e) => e.synced), ...attendees.map((a) => a.join())]),
      `room ${room.familyId} connecting`,
    );
  } catch (error) {
    closeRooms([connected]);
    throw error;
  }
  return connected;
}

/** Connects every room, a batch at a time; `onProgress` hears how many are in. */
export async function connectRooms(
  port: number,
  rooms: readonly BenchRoom[],
  recorders: Recorders,
  meetings: boolean,
  onProgress: (connected: number) => void,
  framing: Framing = "y-websocket",
): Promise<ConnectedRoom[]> {
  const connected: ConnectedRoom[] = [];
  try {
    for (let i = 0; i < rooms.length; i += roomsPerBatch) {
      const batch = rooms.slice(i, i + roomsPerBatch);
      const settled = await Promise.allSettled(
        batch.map((r) => connectRoom(port, r, recorders, meetings, framing)),
      );
      for (const result of settled) {
        if (result.status === "fulfilled") connected.push(result.value);
      }
      const failed = settled.find((result) => result.status === "rejected");
      if (failed) throw failed.reason;
      onProgress(connected.length);
    }
  } catch (error) {
    closeRooms(connected);
    throw error;
  }
  return connected;
}

export function closeRooms(rooms: readonly ConnectedRoom[]): void {
  for (const { editors, attendees } of rooms) {
    for (const editor of editors) editor.destroy();
    for (const attendee of attendees) attendee.close();
  }
}

/** Closes, disconnects and chat failures the clients of these rooms saw. */
export function healthOf(rooms: readonly ConnectedRoom[]): ClientHealth {
  const health: ClientHealth = {
    unexpectedCloses: 0,
    chatFailures: 0,
    meetingDisconnects: 0,
    meetingTroubles: {},
  };
  for (const { editors, attendees } of rooms) {
    for (const editor of editors) health.unexpectedCloses += editor.closes;
    for (const attendee of attendees) {
      health.chatFailures += attendee.chatFailures;
      health.meetingDisconnects += attendee.disconnects;
      for (const [reason, count] of attendee.troubles) {
        health.meetingTroubles[reason] = (health.meetingTroubles[reason] ?? 0) + count;
      }
    }
  }
  return health;
}
