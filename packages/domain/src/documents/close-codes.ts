/**
 * WebSocket close codes of the realtime server, shared with the web client.
 * The 4400–4499 range means "reconnecting cannot fix this": the stock
 * y-websocket provider stops retrying on them and emits `closed`. Other codes
 * (1001, 1009, 1011) are transient and the provider reconnects.
 */
export const realtimeCloseCodes = {
  /** The server is shutting down; reconnect. */
  goingAway: 1001,
  /** A message was larger than the limit. */
  messageTooLarge: 1009,
  /** The server could not load or store the document; reconnect. */
  serverError: 1011,
  /** The server cannot take this now (changes cannot be stored, or the client is too far behind); reconnect. */
  tryAgainLater: 1013,
  /** A malformed message, an unknown message type, or an update that cannot be applied. */
  badMessage: 4400,
  /** No valid session, an expired one, or one still waiting for its second factor. */
  notSignedIn: 4401,
  /** Wrong Origin, no access to this document, or access removed while connected. */
  forbidden: 4403,
  /** Not a document name, or a family that does not exist or that the caller may not know of. */
  unknownDocument: 4404,
  /** No message arrived in time after the connection opened. */
  handshakeTimeout: 4408,
  /** Too many messages per second, or too many open connections for one person. */
  tooManyRequests: 4429,
} as const;

export type RealtimeCloseCode = (typeof realtimeCloseCodes)[keyof typeof realtimeCloseCodes];

/** Whether a client should reconnect after the server closed with this code. */
export function shouldReconnect(code: number): boolean {
  return !(code >= 4400 && code < 4500);
}

/**
 * A message type of ours beside y-websocket's four (sync 0, awareness 1, auth
 * 2, query-awareness 3), sent only to a client that connects with
 * `?stored=1`: a Yjs state vector up to which that client's own updates are
 * stored. Stock clients never ask, so never receive it.
 */
export const realtimeMessageStored = 4;
