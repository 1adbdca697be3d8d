import { Outlet, useRouterState } from "@tanstack/react-router";
import { useEffect, useRef } from "react";
import { ConnectionBanner } from "../../features/connection/connection-banner";
import { Flash } from "./flash";
import { Footer } from "./footer";
import { Header } from "./header";

/** Moves focus to the new page's h1 after each navigation (not on first load). */
function useFocusHeadingOnNavigate() {
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const shown = useRef(pathname);
  useEffect(() => {
    if (shown.current === pathname) return;
    shown.current = pathname;
    // The new page's h1 may wait for its data: look for it for up to a second.
    let tries = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const focusHeading = () => {
      const heading = document.querySelector<HTMLElement>("main h1");
      if (!heading) {
        tries += 1;
        if (tries < 20) timer = setTimeout(focusHeading, 50);
        return;
      }
      if (!heading.hasAttribute("tabindex")) heading.setAttribute("tabindex", "-1");
      heading.focus();
    };
    timer = setTimeout(focusHeading, 0);
    return () => clearTimeout(timer);
  }, [pathname]);
}

export function AppLayout() {
  useFocusHeadingOnNavigate();
  return (
    <>
      <a href="#main-content" className="govuk-skip-link" data-module="govuk-skip-link">
        Skip to main content
      </a>
      <Header />
      <div className="govuk-width-container">
        <main className="govuk-main-wrapper" id="main-content" tabIndex={-1}>
          <ConnectionBanner />
          <Flash />
          <Outlet />
        </main>
      </div>
      <Footer />
    </>
  );
}
