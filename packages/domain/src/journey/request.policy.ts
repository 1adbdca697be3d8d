import type { Actor } from "../authorization/actor";
import { AppError, notFound } from "../shared/app-error";
import type { RequestStatus } from "./journey-vocabulary";

/** The parts of a request for help that decide who may see and triage it. */
export interface RequestFacts {
  id: string;
  createdBy: string;
  receivingAgencyId: string;
  status: RequestStatus;
}

/**
 * How an actor stands towards one request: the person who asked, staff of
 * the receiving service (managers and practitioners triage), or nobody.
 */
export type RequestRelationship = "asker" | "receiving_manager" | "receiving_practitioner" | "none";

export function requestRelationship(actor: Actor, request: RequestFacts): RequestRelationship {
  if (actor.agencyId !== null && actor.agencyId === request.receivingAgencyId) {
    if (actor.role === "manager") return "receiving_manager";
    if (actor.role === "practitioner") return "receiving_practitioner";
  }
  if (actor.userId === request.createdBy) return "asker";
  return "none";
}

export const requestPermissions = {
  read: ["asker", "receiving_manager", "receiving_practitioner"],
  triage: ["receiving_manager", "receiving_practitioner"],
} as const satisfies Record<string, readonly RequestRelationship[]>;

export type RequestAction = keyof typeof requestPermissions;

/** Triage happens once: a request already decided cannot be decided again. */
export function canOnRequest(actor: Actor, request: RequestFacts, action: RequestAction): boolean {
  const allowed: readonly RequestRelationship[] = requestPermissions[action];
  if (!allowed.includes(requestRelationship(actor, request))) return false;
  return action !== "triage" || request.status === "awaiting_triage";
}

/**
 * Throws unless allowed. Anyone who may not read the request gets 404; the
 * asker who may not triage gets 403. Deciding a decided request is a state
 * conflict the route answers (409), so it is not refused here.
 */
export function authorizeRequest(actor: Actor, request: RequestFacts, action: RequestAction): void {
  const relationship = requestRelationship(actor, request);
  const allowed: readonly RequestRelationship[] = requestPermissions[action];
  if (allowed.includes(relationship)) return;
  const readers: readonly RequestRelationship[] = requestPermissions.read;
  if (!readers.includes(relationship)) throw notFound("That request");
  throw new AppError("forbidden", "Only the receiving service may triage this request.");
}
