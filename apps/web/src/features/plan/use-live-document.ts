import { type DocumentKind, formatDocumentName } from "@teamaround/domain";
import { useEffect, useState } from "react";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import {
  connectionId,
  forgetConnection,
  type LiveStatus,
  registerLive,
  reportRefusal,
  reportStatus,
  reportUnsaved,
} from "../connection/live-connections";
import { documentRefusalMessage } from "../connection/refusal-messages";
import { yjsServerUrl } from "./live-document-url";
import { watchStoredAcknowledgements } from "./stored-acknowledgements";

export interface LiveDocument {
  doc: Y.Doc;
  provider: WebsocketProvider;
}

export interface LiveDocumentState {
  live: LiveDocument | null;
  status: LiveStatus | "refused";
  /** The server's whole state has arrived at least once. */
  synced: boolean;
  /** Why the server closed the document for good. */
  refusal: string | null;
}

/**
 * One Yjs document (`plan:`, `voice:` or `notes:` of a family) over ONE stock
 * y-websocket provider, for as long as the component is shown. Edits made
 * while the connection is down stay in the document in memory and are sent
 * when it is back (sync steps 1 and 2); nothing is written to browser storage,
 * and no other tab is told (no BroadcastChannel).
 */
export function useLiveDocument(familyId: string, kind: DocumentKind, enabled = true) {
  const [state, setState] = useState<LiveDocumentState>({
    live: null,
    status: "connecting",
    synced: false,
    refusal: null,
  });
  useEffect(() => {
    if (!enabled) return;
    const id = connectionId(`yjs:${kind}`);
    const doc = new Y.Doc();
    const provider = new WebsocketProvider(
      yjsServerUrl(),
      formatDocumentName({ kind, familyId }),
      doc,
      // `stored=1`: the server acknowledges our edits once they are stored.
      { disableBc: true, maxBackoffTime: 2500, params: { stored: "1" } },
    );
    const stopWatching = watchStoredAcknowledgements(provider, doc, (unsaved) =>
      reportUnsaved(id, unsaved),
    );
    let disposed = false;
    let wasConnected = false;
    const update = (change: Partial<LiveDocumentState>) => {
      if (!disposed) setState((s) => ({ ...s, ...change }));
    };
    provider.on("status", ({ status }) => {
      if (status === "connected") wasConnected = true;
      const next: LiveStatus =
        status === "connected" ? "connected" : wasConnected ? "reconnecting" : "connecting";
      reportStatus(id, next);
      update({ status: next });
    });
    provider.on("sync", (synced: boolean) => {
      if (synced) update({ synced: true });
    });
    provider.on("closed", ({ code, reason }) => {
      const message = documentRefusalMessage(code, reason);
      forgetConnection(id);
      reportRefusal({ familyId, message });
      update({ status: "refused", refusal: message });
    });
    const dispose = () => {
      if (disposed) return;
      disposed = true;
      stopWatching();
      forgetConnection(id);
      provider.destroy();
      doc.destroy();
    };
    const unregister = registerLive(dispose);
    reportStatus(id, "connecting");
    setState({ live: { doc, provider }, status: "connecting", synced: false, refusal: null });
    return () => {
      unregister();
      dispose();
    };
  }, [familyId, kind, enabled]);
  return state;
}
