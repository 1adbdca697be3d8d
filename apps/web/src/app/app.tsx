import { QueryClientProvider } from "@tanstack/react-query";
import { type RouterHistory, RouterProvider } from "@tanstack/react-router";
import { useState } from "react";
import { closeAllLive } from "../features/connection/live-connections";
import { createQueryClient } from "./query-client";
import { createAppRouter } from "./router";

/** One in-memory query cache and the router, wired so a lost session clears the cache and signs out. */
export function createAppState(history?: RouterHistory) {
  const holder: { router?: ReturnType<typeof createAppRouter> } = {};
  const queryClient = createQueryClient(() => {
    // The session has gone (expired, signed out elsewhere, deactivated): forget everything.
    closeAllLive();
    queryClient.clear();
    void holder.router?.navigate({ to: "/sign-in", search: { expired: true } });
  });
  const router = createAppRouter(queryClient, history);
  holder.router = router;
  return { queryClient, router };
}

export type AppState = ReturnType<typeof createAppState>;

export function App({ state }: { state?: AppState }) {
  const [{ queryClient, router }] = useState(() => state ?? createAppState());
  return (
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  );
}
