import { type CallPeer, callLimits, type MeetingRoomState } from "@teamaround/domain";
import { useEffect, useRef, useState } from "react";
import { Button, Select, SingleCheckbox } from "../../components/govuk";
import { type DeviceChoice, listDevices, type MediaDevices } from "./call-media";
import { CallTile } from "./call-tile";
import type { MeetingSocket } from "./meeting-socket";
import { useCall } from "./use-call";

/**
 * The room's audio and video call: join with camera and microphone (or audio
 * only), choose devices, mute, turn the camera off, leave and join again.
 * Everyone in the call is shown with a speaking indicator; nothing is recorded.
 */
export function CallPanel(props: {
  room: MeetingRoomState;
  socket: MeetingSocket | null;
  meId: string;
}) {
  const { room, socket, meId } = props;
  const call = useCall(socket, room.meetingId, room.call);
  const { view } = call;
  const [devices, setDevices] = useState<MediaDevices>({ microphones: [], cameras: [] });
  const [choice, setChoice] = useState<DeviceChoice>({ microphoneId: "", cameraId: "" });
  const [audioOnly, setAudioOnly] = useState(false);
  const inCall = view.status === "in_call";
  const myName = room.participants.find((p) => p.userId === meId)?.name ?? "You";
  const others = room.call.filter((p) => p.peerId !== view.peerId);
  const full = !inCall && room.call.length >= callLimits.maxPeers;

  // Devices are named only once the browser has been allowed to use them: read again on joining.
  const [askedAt, setAskedAt] = useState(0);
  useEffect(() => {
    if (askedAt < 0) return;
    void listDevices()
      .then(setDevices)
      .catch(() => undefined);
  }, [askedAt]);
  useEffect(() => {
    if (inCall) setAskedAt(Date.now());
  }, [inCall]);

  const choose = (kind: "audio" | "video", deviceId: string) => {
    setChoice((c) =>
      kind === "audio" ? { ...c, microphoneId: deviceId } : { ...c, cameraId: deviceId },
    );
    if (inCall) void call.switchDevice(kind, deviceId).catch(() => undefined);
  };

  return (
    <section aria-labelledby="room-call" className="app-room-panel" data-testid="call-panel">
      <h2 className="govuk-heading-m" id="room-call">
        Call
      </h2>
      <p className="govuk-body govuk-!-font-weight-bold" data-testid="not-recorded">
        This call is not recorded.
      </p>
      <CallAnnouncer peers={room.call} />
      <ul className="govuk-list app-call-tiles" aria-label="People in the call">
        {inCall ? (
          <CallTile
            name={myName}
            stream={view.local}
            self
            muted={view.media.muted}
            cameraOff={view.media.cameraOff}
            audioOnly={view.media.audioOnly}
            speaking={view.speaking.me ?? false}
          />
        ) : null}
        {others.map((peer) => (
          <CallTile
            key={peer.peerId}
            name={peer.name}
            stream={view.remote[peer.peerId] ?? null}
            muted={peer.muted}
            cameraOff={peer.cameraOff}
            audioOnly={peer.audioOnly}
            speaking={view.speaking[peer.peerId] ?? peer.speaking}
            received={view.received[peer.peerId]}
          />
        ))}
      </ul>
      {!inCall && room.call.length === 0 ? (
        <p className="govuk-body app-secondary-text">Nobody is in the call yet.</p>
      ) : null}
      {view.error ? (
        <p className="govuk-error-message" role="alert">
          {view.error}
        </p>
      ) : null}
      {inCall ? (
        <div className="govuk-button-group">
          <Button
            variant="secondary"
            aria-pressed={view.media.muted}
            onClick={() => call.setMedia({ muted: !view.media.muted })}
          >
            Mute
          </Button>
          {view.media.audioOnly ? null : (
            <Button
              variant="secondary"
              aria-pressed={view.media.cameraOff}
              onClick={() => call.setMedia({ cameraOff: !view.media.cameraOff })}
            >
              Camera off
            </Button>
          )}
          <Button variant="warning" onClick={() => void call.leave()}>
            Leave the call
          </Button>
        </div>
      ) : (
        <>
          <SingleCheckbox
            id="call-audio-only"
            label="Audio only"
            hint="No video, for a weak connection or if you prefer."
            checked={audioOnly}
            onChange={setAudioOnly}
          />
          {full ? (
            <p className="govuk-body">
              The call is full: at most {callLimits.maxPeers} people can be in it. You can still
              follow the meeting here.
            </p>
          ) : (
            <Button
              disabled={view.status === "joining" || !socket}
              onClick={() => void call.join(choice, audioOnly)}
            >
              {audioOnly ? "Join the call with audio only" : "Join the call"}
            </Button>
          )}
        </>
      )}
      <DeviceChoices
        devices={devices}
        choice={choice}
        audioOnly={inCall ? view.media.audioOnly : audioOnly}
        onChoose={choose}
      />
    </section>
  );
}

function DeviceChoices(props: {
  devices: MediaDevices;
  choice: DeviceChoice;
  audioOnly: boolean;
  onChoose: (kind: "audio" | "video", deviceId: string) => void;
}) {
  const { devices, choice } = props;
  const options = (list: MediaDeviceInfo[], what: string) => [
    { value: "", label: `The browser's ${what}` },
    ...list
      .filter((d) => d.deviceId !== "" && d.deviceId !== "default")
      .map((d, i) => ({ value: d.deviceId, label: d.label || `${what} ${i + 1}` })),
  ];
  return (
    <details className="govuk-details">
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">Microphone and camera</span>
      </summary>
      <div className="govuk-details__text">
        <Select
          id="call-microphone"
          label="Microphone"
          value={choice.microphoneId}
          onChange={(id) => props.onChoose("audio", id)}
          options={options(devices.microphones, "microphone")}
        />
        {props.audioOnly ? null : (
          <Select
            id="call-camera"
            label="Camera"
            value={choice.cameraId}
            onChange={(id) => props.onChoose("video", id)}
            options={options(devices.cameras, "camera")}
          />
        )}
      </div>
    </details>
  );
}

/** Says who joined and who left the call, for screen readers. */
function CallAnnouncer({ peers }: { peers: CallPeer[] }) {
  const before = useRef<Map<string, string> | null>(null);
  const [message, setMessage] = useState("");
  useEffect(() => {
    const now = new Map(peers.map((p) => [p.peerId, p.name]));
    const previous = before.current;
    before.current = now;
    if (!previous) return;
    const joined = [...now].filter(([id]) => !previous.has(id)).map(([, name]) => name);
    const left = [...previous].filter(([id]) => !now.has(id)).map(([, name]) => name);
    const parts = [
      ...joined.map((name) => `${name} joined the call.`),
      ...left.map((name) => `${name} left the call.`),
    ];
    if (parts.length > 0) setMessage(parts.join(" "));
  }, [peers]);
  return (
    <div className="govuk-visually-hidden" aria-live="polite" data-testid="call-announcer">
      {message}
    </div>
  );
}
