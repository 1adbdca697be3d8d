/** The realtime server's Yjs endpoint on this page's own origin (ws: or wss:). */
export function yjsServerUrl(origin: string = globalThis.location.origin): string {
  return `${origin.replace(/^http/, "ws")}/yjs`;
}
