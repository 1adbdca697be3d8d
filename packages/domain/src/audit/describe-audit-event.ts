import { auditEventWords } from "./audit-event-kinds";

/** Who did it, as the log names them; never an id. */
export interface AuditActor {
  name: string | null;
  agency: string | null;
}

/** One line of the log: a single event, or `count` reads in a row of the same thing. */
export interface AuditLine {
  event: string;
  actor: AuditActor | null;
  subject?: string | null;
  count: number;
  firstAt: Date;
  lastAt: Date;
}

const clock = new Intl.DateTimeFormat("en-GB", {
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "Europe/London",
});

/** "Sam Okafor (Health Visiting)", "Sam Okafor", or who no name is known for. */
export function describeAuditActor(actor: AuditActor | null): string {
  if (!actor) return "The system";
  const name = actor.name?.trim() || "Someone whose account no longer exists";
  return actor.agency ? `${name} (${actor.agency})` : name;
}

/**
 * The line in plain words: "Sam Okafor (Health Visiting) read the plan", or for
 * a group "… read the plan 14 times between 09:02 and 11:40" (UK time).
 */
export function describeAuditEvent(line: AuditLine): string {
  const sentence = `${describeAuditActor(line.actor)} ${auditEventWords(line.event, line.subject ?? undefined)}`;
  if (line.count <= 1) return sentence;
  return `${sentence} ${line.count} times between ${clock.format(line.firstAt)} and ${clock.format(line.lastAt)}`;
}
