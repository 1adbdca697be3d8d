/** The camera and microphone someone chose (empty: the browser's default). */
export interface DeviceChoice {
  microphoneId: string;
  cameraId: string;
}

export interface MediaDevices {
  microphones: MediaDeviceInfo[];
  cameras: MediaDeviceInfo[];
}

/** The microphones and cameras the browser offers (named only once permission is given). */
export async function listDevices(): Promise<MediaDevices> {
  const devices = await navigator.mediaDevices.enumerateDevices();
  return {
    microphones: devices.filter((d) => d.kind === "audioinput"),
    cameras: devices.filter((d) => d.kind === "videoinput"),
  };
}

const exact = (id: string) => (id ? { deviceId: { exact: id } } : {});

/** One's own microphone (and camera, unless audio only), as chosen. */
export function openMedia(choice: DeviceChoice, audioOnly: boolean): Promise<MediaStream> {
  return navigator.mediaDevices.getUserMedia({
    audio: { echoCancellation: true, noiseSuppression: true, ...exact(choice.microphoneId) },
    video: audioOnly
      ? false
      : {
          width: { ideal: 640 },
          height: { ideal: 360 },
          frameRate: { ideal: 24 },
          ...exact(choice.cameraId),
        },
  });
}

/** One camera or microphone track, for switching device during the call. */
export async function openTrack(kind: "audio" | "video", id: string): Promise<MediaStreamTrack> {
  const stream = await navigator.mediaDevices.getUserMedia(
    kind === "audio" ? { audio: exact(id) } : { video: exact(id) },
  );
  const [track] = stream.getTracks();
  if (!track) throw new Error("No device track");
  return track;
}

export function stopMedia(stream: MediaStream | null): void {
  for (const track of stream?.getTracks() ?? []) track.stop();
}

let audioContext: AudioContext | null = null;

/**
 * Calls `onChange(true)` while the stream's sound is above speech level and
 * `onChange(false)` after a short quiet, reading a WebAudio analyser ten
 * times a second. Answers a function that stops listening.
 */
export function watchSpeaking(
  stream: MediaStream,
  onChange: (speaking: boolean) => void,
): () => void {
  if (stream.getAudioTracks().length === 0) return () => {};
  audioContext ??= new AudioContext();
  const context = audioContext;
  void context.resume().catch(() => undefined);
  const source = context.createMediaStreamSource(stream);
  const analyser = context.createAnalyser();
  analyser.fftSize = 512;
  source.connect(analyser);
  const samples = new Uint8Array(analyser.fftSize);
  let speaking = false;
  let quietSince = 0;
  const timer = setInterval(() => {
    analyser.getByteTimeDomainData(samples);
    let sum = 0;
    for (const s of samples) sum += ((s - 128) / 128) ** 2;
    const level = Math.sqrt(sum / samples.length);
    const now = Date.now();
    if (level > 0.02) {
      quietSince = 0;
      if (!speaking) {
        speaking = true;
        onChange(true);
      }
    } else if (speaking) {
      quietSince ||= now;
      if (now - quietSince > 1200) {
        speaking = false;
        onChange(false);
      }
    }
  }, 100);
  return () => {
    clearInterval(timer);
    source.disconnect();
  };
}
