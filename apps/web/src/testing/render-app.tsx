import { createMemoryHistory } from "@tanstack/react-router";
import { render } from "@testing-library/react";
import { App, createAppState } from "../app/app";

/** Renders the real app (router, cache, pages) at a path, over whatever `fetch` the test stubbed. */
export function renderApp(path: string) {
  const state = createAppState(createMemoryHistory({ initialEntries: [path] }));
  const view = render(<App state={state} />);
  return { ...view, ...state };
}
