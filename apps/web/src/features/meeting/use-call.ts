import {
  type CallPeer,
  type CallSignal,
  type CallSignalRelayed,
  callVideoBudget,
  type IceServer,
} from "@teamaround/domain";
import { useCallback, useEffect, useRef, useState } from "react";
import { type DeviceChoice, openMedia, openTrack, stopMedia, watchSpeaking } from "./call-media";
import { PeerLink } from "./call-peer-link";
import { type MeetingSocket, send } from "./meeting-socket";

export interface MyMedia {
  muted: boolean;
  cameraOff: boolean;
  audioOnly: boolean;
}

export interface CallView {
  status: "out" | "joining" | "in_call";
  /** This connection's peer id while in the call. */
  peerId: string | null;
  error: string | null;
  media: MyMedia;
  local: MediaStream | null;
  /** Each other peer's incoming stream, by peer id. */
  remote: Record<string, MediaStream>;
  /** Who is speaking now, by peer id ("me" for oneself), from each stream's sound. */
  speaking: Record<string, boolean>;
  /** Bytes received from each peer so far, by kind. */
  received: Record<string, { audio: number; video: number }>;
}

const initial: CallView = {
  status: "out",
  peerId: null,
  error: null,
  media: { muted: false, cameraOff: false, audioOnly: false },
  local: null,
  remote: {},
  speaking: {},
  received: {},
};

/** One's part in the room's call: local media, one peer link per other person, and their streams. */
export function useCall(socket: MeetingSocket | null, meetingId: string, roster: CallPeer[]) {
  const [view, setView] = useState<CallView>(initial);
  const links = useRef(new Map<string, PeerLink>());
  const inbox = useRef(new Map<string, Promise<void>>());
  const outbox = useRef(new Map<string, Promise<unknown>>());
  const stopWatching = useRef(new Map<string, () => void>());
  const me = useRef<{ peerId: string; iceServers: IceServer[]; local: MediaStream } | null>(null);
  const media = useRef<MyMedia>(initial.media);
  const speakingNow = useRef(false);

  const reportState = useCallback(() => {
    if (!socket || !me.current) return;
    const speaking = speakingNow.current && !media.current.muted;
    void send(socket, "call:state", { meetingId, ...media.current, speaking }).catch(() => {});
  }, [socket, meetingId]);

  const dropPeer = useCallback((peerId: string) => {
    links.current.get(peerId)?.close();
    links.current.delete(peerId);
    inbox.current.delete(peerId);
    outbox.current.delete(peerId);
    stopWatching.current.get(peerId)?.();
    stopWatching.current.delete(peerId);
    setView((v) => {
      const { [peerId]: _gone, ...remote } = v.remote;
      return { ...v, remote };
    });
  }, []);

  const linkTo = useCallback(
    (peerId: string): PeerLink | null => {
      const mine = me.current;
      if (!socket || !mine) return null;
      const existing = links.current.get(peerId);
      if (existing) return existing;
      const link = new PeerLink(
        {
          peerId,
          polite: mine.peerId < peerId,
          iceServers: mine.iceServers,
          audioOnly: media.current.audioOnly,
          // One at a time, each after the last was relayed: the server keeps their order.
          send: (signal: CallSignal) => {
            const before = outbox.current.get(peerId) ?? Promise.resolve();
            const next = before
              .then(() => send(socket, "call:signal", { meetingId, to: peerId, signal }))
              .catch(() => undefined);
            outbox.current.set(peerId, next);
          },
          onStream: (stream) => {
            if (stream.getAudioTracks().length > 0 && !stopWatching.current.has(peerId)) {
              stopWatching.current.set(
                peerId,
                watchSpeaking(stream, (speaking) =>
                  setView((v) => ({ ...v, speaking: { ...v.speaking, [peerId]: speaking } })),
                ),
              );
            }
            setView((v) => ({ ...v, remote: { ...v.remote, [peerId]: stream } }));
          },
        },
        mine.local,
      );
      links.current.set(peerId, link);
      return link;
    },
    [socket, meetingId],
  );

  const endLocally = useCallback(
    (error: string | null = null) => {
      for (const peerId of [...links.current.keys()]) dropPeer(peerId);
      for (const stop of stopWatching.current.values()) stop();
      stopWatching.current.clear();
      stopMedia(me.current?.local ?? null);
      me.current = null;
      speakingNow.current = false;
      setView((v) => ({ ...initial, media: v.media, error }));
    },
    [dropPeer],
  );

  // Signals from the others, each peer's handled in the order they came.
  useEffect(() => {
    if (!socket) return;
    const onSignal = ({ meetingId: m, from, signal }: CallSignalRelayed) => {
      if (m !== meetingId || !me.current) return;
      const before = inbox.current.get(from) ?? Promise.resolve();
      const next = before.then(() => linkTo(from)?.receive(signal)).catch(() => undefined);
      inbox.current.set(from, next);
    };
    const onLeft = ({ meetingId: m, peerId }: { meetingId: string; peerId: string }) => {
      if (m === meetingId) dropPeer(peerId);
    };
    // The server takes a dropped connection out of the call: so do we.
    const onDisconnect = () => {
      if (me.current)
        endLocally(
          "The connection dropped, so you left the call. Join it again when you are back.",
        );
    };
    socket.on("call:signal", onSignal);
    socket.on("call:peer-left", onLeft);
    socket.on("disconnect", onDisconnect);
    return () => {
      socket.off("call:signal", onSignal);
      socket.off("call:peer-left", onLeft);
      socket.off("disconnect", onDisconnect);
    };
  }, [socket, meetingId, linkTo, dropPeer, endLocally]);

  // Whoever is no longer in the call is closed; video is lowered (or raised) when its size changes.
  const budgetFor = useRef(0);
  useEffect(() => {
    if (!me.current) return;
    const present = new Set(roster.map((p) => p.peerId));
    for (const peerId of [...links.current.keys()]) if (!present.has(peerId)) dropPeer(peerId);
    if (budgetFor.current === roster.length) return;
    budgetFor.current = roster.length;
    const budget = callVideoBudget(Math.max(roster.length, 1));
    for (const link of links.current.values()) void link.limitVideo(budget);
  }, [roster, dropPeer]);

  // What arrives from each peer, once a second (shown to the browser test as data attributes).
  useEffect(() => {
    if (view.status !== "in_call") return;
    const timer = setInterval(() => {
      void Promise.all(
        [...links.current].map(
          async ([peerId, link]) => [peerId, await link.bytesReceived()] as const,
        ),
      ).then((entries) => setView((v) => ({ ...v, received: Object.fromEntries(entries) })));
    }, 1000);
    return () => clearInterval(timer);
  }, [view.status]);

  // Leaving the page (or losing access, which unmounts the room) ends one's media.
  useEffect(() => () => endLocally(), [endLocally]);

  const join = useCallback(
    async (choice: DeviceChoice, audioOnly: boolean) => {
      if (!socket || me.current) return;
      media.current = { muted: false, cameraOff: false, audioOnly };
      setView((v) => ({ ...v, status: "joining", error: null, media: media.current }));
      let local: MediaStream | null = null;
      try {
        local = await openMedia(choice, audioOnly);
        const joined = await send(socket, "call:join", { meetingId, ...media.current });
        me.current = { peerId: joined.peerId, iceServers: joined.iceServers, local };
        stopWatching.current.set(
          "me",
          watchSpeaking(local, (speaking) => {
            speakingNow.current = speaking;
            setView((v) => ({ ...v, speaking: { ...v.speaking, me: speaking } }));
            reportState();
          }),
        );
        setView((v) => ({ ...v, status: "in_call", peerId: joined.peerId, local }));
        // The newcomer offers to everyone already in the call.
        for (const peer of joined.peers)
          if (peer.peerId !== joined.peerId) linkTo(peer.peerId)?.start();
      } catch (error) {
        stopMedia(local);
        me.current = null;
        setView((v) => ({ ...v, status: "out", error: joinError(error) }));
      }
    },
    [socket, meetingId, linkTo, reportState],
  );

  const leave = useCallback(async () => {
    endLocally();
    if (socket) await send(socket, "call:leave", { meetingId }).catch(() => undefined);
  }, [socket, meetingId, endLocally]);

  const setMedia = useCallback(
    (change: Partial<Pick<MyMedia, "muted" | "cameraOff">>) => {
      media.current = { ...media.current, ...change };
      const local = me.current?.local;
      for (const track of local?.getAudioTracks() ?? []) track.enabled = !media.current.muted;
      for (const track of local?.getVideoTracks() ?? []) track.enabled = !media.current.cameraOff;
      setView((v) => ({ ...v, media: media.current }));
      reportState();
    },
    [reportState],
  );

  const switchDevice = useCallback(async (kind: "audio" | "video", deviceId: string) => {
    const local = me.current?.local;
    if (!local) return;
    const track = await openTrack(kind, deviceId);
    const old = kind === "audio" ? local.getAudioTracks() : local.getVideoTracks();
    track.enabled = kind === "audio" ? !media.current.muted : !media.current.cameraOff;
    for (const link of links.current.values()) await link.replaceTrack(track);
    for (const t of old) {
      local.removeTrack(t);
      t.stop();
    }
    local.addTrack(track);
  }, []);

  return { view, join, leave, setMedia, switchDevice };
}

function joinError(error: unknown): string {
  if (error instanceof DOMException) {
    if (error.name === "NotAllowedError")
      return "Your browser did not let Teamaround use the camera or microphone. Allow them in the browser's settings, or join with audio only.";
    if (error.name === "NotFoundError")
      return "No camera or microphone was found. Check that one is plugged in, or join with audio only.";
    return "The camera or microphone could not be started. Try another one, or join with audio only.";
  }
  return error instanceof Error ? error.message : "You could not join the call. Try again.";
}
