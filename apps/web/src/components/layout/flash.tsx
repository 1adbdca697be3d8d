import { useRouterState } from "@tanstack/react-router";
import { useEffect, useSyncExternalStore } from "react";
import { NotificationBanner } from "../govuk";

/**
 * A one-off success message for the page a form leads to ("Consent recorded").
 * Kept in memory only, and shown once, on the path it was meant for.
 */
interface FlashMessage {
  path: string;
  heading: string;
  body?: string[] | undefined;
  /** Set once it has been on screen; leaving that page then forgets it */
  shown?: boolean;
}

let current: FlashMessage | null = null;
const listeners = new Set<() => void>();

function emit() {
  for (const listener of listeners) listener();
}

export function setFlash(path: string, heading: string, body?: string[]): void {
  current = { path, heading, body };
  emit();
}

export function clearFlash(): void {
  current = null;
  emit();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function Flash() {
  const flash = useSyncExternalStore(subscribe, () => current);
  const pathname = useRouterState({ select: (s) => s.location.pathname.replace(/(.)\/$/, "$1") });
  const showing = flash !== null && flash.path === pathname;
  useEffect(() => {
    if (!flash) return;
    if (flash.path === pathname) flash.shown = true;
    else if (flash.shown) clearFlash();
  }, [flash, pathname]);
  if (!showing) return null;
  return (
    <NotificationBanner type="success" heading={flash.heading}>
      {flash.body?.map((line) => (
        <p className="govuk-body" key={line}>
          {line}
        </p>
      ))}
    </NotificationBanner>
  );
}
