import { useEffect, useState } from "react";
import type { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";

/** One other person with the document open, as the server stamped them. */
export interface Person {
  clientId: number;
  name: string;
  agency: string | null;
  role: string;
  color: string;
  /** The section their cursor is in, when they are writing. */
  section: string | null;
}

interface StampedUser {
  name?: unknown;
  agency?: unknown;
  role?: unknown;
  color?: unknown;
}

interface CursorState {
  anchor?: unknown;
}

/** The section (named XmlFragment) a relative position from awareness falls in, if any. */
export function sectionOf(doc: Y.Doc, sections: readonly string[], anchor: unknown): string | null {
  try {
    const position = Y.createAbsolutePositionFromRelativePosition(
      Y.createRelativePositionFromJSON(anchor),
      doc,
    );
    if (!position) return null;
    let type: Y.AbstractType<unknown> | null = position.type;
    while (type?._item?.parent instanceof Y.AbstractType) type = type._item.parent;
    return sections.find((section) => doc.getXmlFragment(section) === type) ?? null;
  } catch {
    return null;
  }
}

function peopleOf(provider: WebsocketProvider, sections: readonly string[]): Person[] {
  const people: Person[] = [];
  for (const [clientId, state] of provider.awareness.getStates()) {
    if (clientId === provider.doc.clientID || !state) continue;
    const user = (state.user ?? {}) as StampedUser;
    if (typeof user.name !== "string") continue;
    const cursor = state.cursor as CursorState | null | undefined;
    people.push({
      clientId,
      name: user.name,
      agency: typeof user.agency === "string" ? user.agency : null,
      role: typeof user.role === "string" ? user.role : "",
      color: typeof user.color === "string" ? user.color : "#1d70b8",
      section: cursor?.anchor ? sectionOf(provider.doc, sections, cursor.anchor) : null,
    });
  }
  return people.sort((a, b) => a.name.localeCompare(b.name));
}

/** Who else has this document open, and where each is writing; updates live from awareness. */
export function usePeople(
  provider: WebsocketProvider | undefined,
  sections: readonly string[],
): Person[] {
  const [people, setPeople] = useState<Person[]>([]);
  useEffect(() => {
    if (!provider) {
      setPeople([]);
      return;
    }
    const refresh = () => setPeople(peopleOf(provider, sections));
    refresh();
    provider.awareness.on("change", refresh);
    return () => provider.awareness.off("change", refresh);
  }, [provider, sections]);
  return people;
}

/** "Sam Okafor (Eastmoor Health Visiting Team)" */
export function personName(person: Pick<Person, "name" | "agency">): string {
  return person.agency ? `${person.name} (${person.agency})` : person.name;
}
