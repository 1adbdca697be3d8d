import { useEffect, useRef } from "react";
import { Tag } from "../../components/govuk";

export interface CallTileProps {
  name: string;
  stream: MediaStream | null;
  self?: boolean;
  muted: boolean;
  cameraOff: boolean;
  audioOnly: boolean;
  speaking: boolean;
  received?: { audio: number; video: number } | undefined;
}

/**
 * One person's picture and sound in the call, with their name, what they have
 * turned off, and a border while they speak. `data-audio-bytes` and
 * `data-video-bytes` say how much has arrived from them (the browser test reads them).
 */
export function CallTile(props: CallTileProps) {
  const video = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    if (video.current && video.current.srcObject !== props.stream) {
      video.current.srcObject = props.stream;
    }
  });
  const showsVideo = !props.audioOnly && !props.cameraOff && props.stream !== null;
  const speaking = props.speaking && !props.muted;
  return (
    <li
      className={`app-call-tile${speaking ? " app-call-tile--speaking" : ""}`}
      data-testid="call-tile"
      data-name={props.name}
      data-muted={props.muted}
      data-speaking={speaking}
      data-audio-bytes={props.received?.audio ?? 0}
      data-video-bytes={props.received?.video ?? 0}
    >
      <video
        ref={video}
        className={showsVideo ? "app-call-video" : "app-call-video app-call-video--hidden"}
        autoPlay
        playsInline
        muted={props.self}
        tabIndex={-1}
      />
      {/* Over the picture, so the tile keeps its size as people start and stop speaking. */}
      {speaking ? <span className="app-call-speaking">Speaking</span> : null}
      {showsVideo ? null : (
        <span className="app-call-initials" aria-hidden="true">
          {initials(props.name)}
        </span>
      )}
      <p className="govuk-body-s govuk-!-margin-bottom-0">
        <span className="govuk-!-font-weight-bold">
          {props.self ? `${props.name} (you)` : props.name}
        </span>{" "}
        {props.muted ? <Tag colour="grey">Muted</Tag> : null}
        {props.audioOnly ? (
          <Tag colour="blue">Audio only</Tag>
        ) : props.cameraOff ? (
          <Tag colour="grey">Camera off</Tag>
        ) : null}
      </p>
    </li>
  );
}

function initials(name: string): string {
  return name
    .split(/\s+/)
    .map((part) => part[0] ?? "")
    .join("")
    .slice(0, 2)
    .toUpperCase();
}
