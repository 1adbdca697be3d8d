import { useEffect } from "react";

/** Sets the tab title to "<page> – Teamaround", prefixed "Error: " while a form shows errors. */
export function usePageTitle(page: string, hasErrors = false): void {
  useEffect(() => {
    document.title = `${hasErrors ? "Error: " : ""}${page} – Teamaround`;
  }, [page, hasErrors]);
}
