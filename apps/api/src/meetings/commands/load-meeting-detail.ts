import {
  type Executor,
  type FamilyRow,
  listMeetingAttendance,
  listMeetingChat,
  listMeetingDecisions,
} from "@teamaround/db";
import { notFound } from "@teamaround/domain";
import { presentMeeting } from "../present-meeting";
import { loadMeetings } from "./load-meetings";
import { loadNextMeetingDue } from "./meeting-due";

/** One meeting of the family with who came, what was said in chat and what was decided. */
export async function loadMeetingDetail(db: Executor, family: FamilyRow, meetingId: string) {
  const [loaded] = await loadMeetings(db, family.id, { meetingId });
  if (!loaded) throw notFound("That meeting");
  return {
    ...presentMeeting(loaded, await loadNextMeetingDue(db, family)),
    attendance: await listMeetingAttendance(db, family.id, meetingId),
    chat: await listMeetingChat(db, family.id, meetingId),
    decisions: await listMeetingDecisions(db, family.id, meetingId),
  };
}
