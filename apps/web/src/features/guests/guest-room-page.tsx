import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "../../api/client";
import { meQuery } from "../../app/session";
import { Tag } from "../../components/govuk";
import { LoadFailed, Loading } from "../../components/layout/page-states";
import { usePageTitle } from "../../components/layout/page-title";
import { formatDateTime } from "../../lib/dates";
import { CallPanel } from "../meeting/call-panel";
import { meetingKindLabels } from "../meeting/meeting-labels";
import { meetingQuery } from "../meeting/meeting-queries";
import { LobbyWait } from "../meeting/room-lobby";
import { RoomAgenda, RoomPeople } from "../meeting/room-people";
import { RoomChat, RoomDecisions } from "../meeting/room-talk";
import { useMeetingRoom } from "../meeting/use-meeting-room";
import { LiveDocumentPanel } from "../plan/live-document-panel";

const guestMeetingQuery = queryOptions({
  queryKey: ["guest-meeting"],
  queryFn: () => unwrap(api.GET("/api/guest/meeting")),
  meta: { expectsSignedOut: true },
});

const nothingToChair = { moderate: false, setAgenda: false, recordDecision: false };

/**
 * `/guest-meeting`: the one meeting a guest partner was invited to — the
 * lobby, then the room and the plan (read-only unless the lead allowed
 * editing). No links lead anywhere else: nothing else exists for a guest.
 */
export function GuestRoomPage() {
  const guest = useQuery(guestMeetingQuery);
  usePageTitle("Meeting");
  if (guest.isPending) return <Loading what="Loading your meeting" />;
  if (guest.error) {
    return (
      <>
        <h1 className="govuk-heading-l">This meeting is not open to you</h1>
        <p className="govuk-body">
          The meeting may have ended, or your invitation may have been withdrawn or run out. Ask the
          person who invited you if you need to join again.
        </p>
      </>
    );
  }
  return <GuestRoom {...guest.data.data} />;
}

function GuestRoom(props: {
  familyId: string;
  meetingId: string;
  name: string;
  organisation: string;
  mayWrite: boolean;
}) {
  const { familyId, meetingId } = props;
  const meeting = useQuery(meetingQuery(familyId, meetingId));
  const me = useQuery(meQuery);
  const meId = me.data?.data.id ?? "";
  const live = meeting.data?.data.state === "live";
  const room = useMeetingRoom(familyId, meetingId, live);
  if (meeting.isPending) return <Loading what="Loading the meeting" />;
  if (meeting.error) return <LoadFailed error={meeting.error} />;
  const m = meeting.data.data;
  const { view } = room;
  return (
    <>
      <h1 className="govuk-heading-l">
        {meetingKindLabels[m.kind]} <Tag colour="purple">Guest</Tag>
      </h1>
      <p className="govuk-body">
        You are joining as {props.name}, a guest from {props.organisation}.{" "}
        {formatDateTime(m.scheduledFor)}. Chaired by {m.chair.name}. Nothing is recorded.
      </p>
      {!live || view.phase === "ended" ? (
        <div className="govuk-inset-text">
          {m.state === "scheduled"
            ? "The meeting has not started yet. Come back to this page when it starts."
            : "This meeting is not open."}
        </div>
      ) : view.phase === "lobby" || view.phase === "declined" ? (
        <LobbyWait declined={view.phase === "declined"} onAskAgain={() => void room.retryJoin()} />
      ) : !view.room ? (
        view.phase === "failed" || view.phase === "waiting" || view.phase === "refused" ? (
          <div className="govuk-inset-text" role="alert">
            {view.message}
          </div>
        ) : (
          <Loading what="Joining the meeting" />
        )
      ) : (
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-third app-room-column">
            <CallPanel room={view.room} socket={room.socket.current} meId={meId} />
            <RoomPeople
              room={view.room}
              socket={room.socket.current}
              meId={meId}
              abilities={nothingToChair}
            />
            <RoomAgenda
              room={view.room}
              socket={room.socket.current}
              meId={meId}
              abilities={nothingToChair}
            />
            <RoomDecisions
              room={view.room}
              socket={room.socket.current}
              meId={meId}
              abilities={nothingToChair}
            />
            <RoomChat
              room={view.room}
              socket={room.socket.current}
              meId={meId}
              abilities={nothingToChair}
            />
          </div>
          <div className="govuk-grid-column-two-thirds">
            <LiveDocumentPanel
              familyId={familyId}
              kind="plan"
              access={props.mayWrite ? "read-write" : "read-only"}
              audience="staff"
              me={{ name: props.name }}
            />
          </div>
        </div>
      )}
    </>
  );
}
