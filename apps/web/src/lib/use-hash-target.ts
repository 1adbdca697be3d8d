import { useLocation } from "@tanstack/react-router";
import { useEffect } from "react";

/**
 * Once the page's content is shown (`ready`), brings the element the address's
 * #fragment names into view and moves focus to it — a notice links to one
 * meeting on the family's meetings page this way. Once per fragment, so a
 * refetch does not pull the reader back. The element needs an id and
 * `tabIndex={-1}`.
 */
export function useHashTarget(ready: boolean): void {
  const hash = useLocation({ select: (location) => location.hash.replace(/^#/, "") });
  useEffect(() => {
    if (!ready || !hash) return;
    const target = document.getElementById(hash);
    if (!target) return;
    target.scrollIntoView?.({ block: "center" });
    target.focus({ preventScroll: true });
  }, [ready, hash]);
}
