import type { Editor } from "../clients/editor";

/** Starts `tick` every `intervalMs` from a random phase, so clients do not act in lockstep. */
function every(intervalMs: number, tick: () => void): () => void {
  let interval: NodeJS.Timeout | null = null;
  const first = setTimeout(() => {
    tick();
    interval = setInterval(tick, intervalMs);
  }, Math.random() * intervalMs);
  return () => {
    clearTimeout(first);
    if (interval) clearInterval(interval);
  };
}

/** Every editor edits `rate` times a second until the returned function is called. */
export function startEditing(editors: readonly Editor[], rate: number): () => void {
  const stops = editors.map((editor) => every(1000 / rate, () => editor.edit()));
  return () => {
    for (const stop of stops) stop();
  };
}
