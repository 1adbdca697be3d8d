import type { CallSignal, IceServer } from "@teamaround/domain";

export interface PeerLinkOptions {
  peerId: string;
  /** The polite peer gives way when both offer at once (perfect negotiation). */
  polite: boolean;
  iceServers: IceServer[];
  /** Receives no video (audio only): video sent to us is refused in the answer. */
  audioOnly: boolean;
  send: (signal: CallSignal) => void;
  onStream: (stream: MediaStream) => void;
}

/**
 * One RTCPeerConnection to one other person in the call, negotiated with the
 * "perfect negotiation" pattern (W3C WebRTC examples): either side may offer;
 * on a collision the impolite side ignores the other's offer and the polite
 * side rolls back its own. The server only relays what `send` gives it.
 */
export class PeerLink {
  readonly pc: RTCPeerConnection;
  private makingOffer = false;
  private ignoreOffer = false;
  private tracksAdded = false;
  private readonly stream = new MediaStream();
  /** Candidates that came before the description they belong to. */
  private pending: RTCIceCandidateInit[] = [];

  constructor(
    private readonly options: PeerLinkOptions,
    private readonly local: MediaStream,
  ) {
    this.pc = new RTCPeerConnection({ iceServers: options.iceServers });
    this.pc.onnegotiationneeded = () => void this.offer();
    this.pc.onicecandidate = ({ candidate }) => {
      if (!candidate) return;
      options.send({
        kind: "candidate",
        candidate: candidate.candidate,
        sdpMid: candidate.sdpMid,
        sdpMLineIndex: candidate.sdpMLineIndex,
        usernameFragment: candidate.usernameFragment,
      });
    };
    this.pc.ontrack = ({ track }) => {
      this.stream.addTrack(track);
      options.onStream(this.stream);
    };
    // A path that stopped working (a network change, a stalled machine) is looked for again.
    this.pc.onconnectionstatechange = () => {
      if (this.pc.connectionState === "failed") this.pc.restartIce();
    };
  }

  /** The one who joins later starts: its tracks go in now, and negotiation follows. */
  start(): void {
    this.addTracks();
  }

  private addTracks(): void {
    if (this.tracksAdded) return;
    this.tracksAdded = true;
    for (const track of this.local.getTracks()) this.pc.addTrack(track, this.local);
  }

  private async offer(): Promise<void> {
    try {
      this.makingOffer = true;
      await this.pc.setLocalDescription();
      this.sendDescription();
    } catch {
      // A newer negotiation replaced this one.
    } finally {
      this.makingOffer = false;
    }
  }

  private sendDescription(): void {
    const description = this.pc.localDescription;
    if (!description || (description.type !== "offer" && description.type !== "answer")) return;
    this.options.send({ kind: "description", type: description.type, sdp: description.sdp });
  }

  async receive(signal: CallSignal): Promise<void> {
    if (signal.kind === "candidate") {
      const { kind: _kind, ...candidate } = signal;
      if (!this.pc.remoteDescription) this.pending.push(candidate);
      else await this.addCandidate(candidate);
      return;
    }
    const collision =
      signal.type === "offer" && (this.makingOffer || this.pc.signalingState !== "stable");
    this.ignoreOffer = !this.options.polite && collision;
    if (this.ignoreOffer) return;
    await this.pc.setRemoteDescription({ type: signal.type, sdp: signal.sdp });
    for (const candidate of this.pending.splice(0)) await this.addCandidate(candidate);
    if (signal.type !== "offer") return;
    // Answering: our tracks ride on the transceivers the offer made (no second negotiation).
    this.addTracks();
    if (this.options.audioOnly) {
      for (const t of this.pc.getTransceivers())
        if (t.receiver.track.kind === "video" && t.currentDirection !== "stopped")
          t.direction = "inactive";
    }
    await this.pc.setLocalDescription();
    this.sendDescription();
  }

  private async addCandidate(candidate: RTCIceCandidateInit): Promise<void> {
    try {
      await this.pc.addIceCandidate(candidate.candidate === "" ? undefined : candidate);
    } catch (error) {
      if (!this.ignoreOffer) throw error;
    }
  }

  /** Puts another camera or microphone on the same connection, without renegotiating. */
  async replaceTrack(track: MediaStreamTrack): Promise<void> {
    const sender = this.pc.getSenders().find((s) => s.track?.kind === track.kind);
    await sender?.replaceTrack(track);
  }

  /** Lowers (or raises) what one's camera sends to this peer, as the call grows. */
  async limitVideo(budget: { maxBitrate: number; scaleResolutionDownBy: number }): Promise<void> {
    for (const sender of this.pc.getSenders()) {
      if (sender.track?.kind !== "video") continue;
      const parameters = sender.getParameters();
      if (!parameters.encodings || parameters.encodings.length === 0) continue;
      for (const encoding of parameters.encodings) Object.assign(encoding, budget);
      await sender.setParameters(parameters).catch(() => undefined);
    }
  }

  /** Bytes received so far, by kind (what the browser test reads to see media arriving). */
  async bytesReceived(): Promise<{ audio: number; video: number }> {
    const totals = { audio: 0, video: 0 };
    const stats = await this.pc.getStats();
    stats.forEach((report: { type: string; kind?: string; bytesReceived?: number }) => {
      if (report.type !== "inbound-rtp") return;
      if (report.kind === "audio" || report.kind === "video")
        totals[report.kind] += report.bytesReceived ?? 0;
    });
    return totals;
  }

  close(): void {
    this.pc.onnegotiationneeded = null;
    this.pc.onicecandidate = null;
    this.pc.ontrack = null;
    this.pc.close();
  }
}
