import { cleanup, configure } from "@testing-library/react";
import { afterEach, vi } from "vitest";

// Pages are lazy chunks: the first visit to each imports (and here transforms)
// its module, which takes seconds on a busy machine. Room for four times that.
configure({ asyncUtilTimeout: 10_000 });

// The header keeps a Socket.io connection to realtime for the unread count; in component tests
// realtime is a third party that is not there unless a test says so (`fakeRealtime`).
vi.mock("socket.io-client", async () => {
  const { connectFake } = await import("./fake-realtime");
  return { io: connectFake };
});

afterEach(async () => {
  cleanup();
  const { fakeRealtime } = await import("./fake-realtime");
  fakeRealtime.reset();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});
