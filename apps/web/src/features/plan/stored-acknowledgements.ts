import { realtimeMessageStored } from "@teamaround/domain";
import type { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";

/** How long edits may wait for the server's "stored" before the page says they are not saved. */
export const unsavedAfterMs = 3000;

/**
 * Watches the server's "stored" acknowledgements (message type 4, sent because
 * the provider connects with `?stored=1`) against this page's own edits, and
 * calls `onUnsaved(true)` once an edit has waited `unsavedAfterMs` for one,
 * `onUnsaved(false)` when everything typed is stored. Answers the stop function.
 */
export function watchStoredAcknowledgements(
  provider: WebsocketProvider,
  doc: Y.Doc,
  onUnsaved: (unsaved: boolean) => void,
): () => void {
  let stored = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let unsaved = false;
  const typed = () => Y.decodeStateVector(Y.encodeStateVector(doc)).get(doc.clientID) ?? 0;
  const settle = () => {
    if (stored < typed()) {
      timer ??= setTimeout(() => {
        unsaved = true;
        onUnsaved(true);
      }, unsavedAfterMs);
      return;
    }
    if (timer) clearTimeout(timer);
    timer = null;
    if (unsaved) onUnsaved(false);
    unsaved = false;
  };
  provider.messageHandlers[realtimeMessageStored] = (_encoder, decoder) => {
    const acknowledged = Y.decodeStateVector(readBytes(decoder));
    stored = Math.max(stored, acknowledged.get(doc.clientID) ?? 0);
    settle();
  };
  const onUpdate = (_update: Uint8Array, origin: unknown) => {
    if (origin !== provider) settle();
  };
  doc.on("update", onUpdate);
  return () => {
    doc.off("update", onUpdate);
    if (timer) clearTimeout(timer);
  };
}

/** lib0's `readVarUint8Array` on the provider's decoder (lib0 is not a dependency of the web app). */
function readBytes(decoder: { arr: Uint8Array; pos: number }): Uint8Array {
  let length = 0;
  let scale = 1;
  for (;;) {
    const byte = decoder.arr[decoder.pos++] ?? 0;
    length += (byte & 0x7f) * scale;
    scale *= 128;
    if (byte < 0x80) break;
  }
  const bytes = decoder.arr.subarray(decoder.pos, decoder.pos + length);
  decoder.pos += length;
  return bytes;
}
