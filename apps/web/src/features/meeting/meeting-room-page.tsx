import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { useEffect, useState } from "react";
import { api, unwrap } from "../../api/client";
import type { FamilyAbilities } from "../../api/types";
import { meQuery } from "../../app/session";
import { Button, ErrorSummary, Tag } from "../../components/govuk";
import { LoadFailed, Loading } from "../../components/layout/page-states";
import { usePageTitle } from "../../components/layout/page-title";
import { formatDateTime } from "../../lib/dates";
import { useFamilyRefusal } from "../connection/live-connections";
import { familyKey, useFamily, useFamilyId } from "../family/family-queries";
import { useLiveFamily } from "../family/use-live-family";
import { MeetingGuests } from "../guests/meeting-guests";
import { PlanWorkspace } from "../plan/plan-workspace";
import { DownloadPdf, printoutPaths } from "../printouts/download-pdf";
import { ReviewInRoom } from "../reviews/review-link";
import { CallPanel } from "./call-panel";
import { MeetingApologies } from "./meeting-apologies";
import { meetingKindLabels, meetingLengthLabel, meetingStateTags } from "./meeting-labels";
import { meetingQuery } from "./meeting-queries";
import { MeetingRecord } from "./meeting-record";
import { send } from "./meeting-socket";
import { MeetingVersion } from "./meeting-version";
import { LobbyWait, RoomLobby } from "./room-lobby";
import { RoomAgenda, RoomPeople, useRoomAction } from "./room-people";
import { RoomChat, RoomDecisions } from "./room-talk";
import { UnsentNotices } from "./unsent-notices";
import { useMeetingRoom } from "./use-meeting-room";

const roomRoute = getRouteApi("/_authed/families/$familyId/meetings/$meetingId/room");

/** A live TAC meeting: who is here, the agenda, hands, chat and decisions, with the plan beside. */
export function MeetingRoomPage() {
  const familyId = useFamilyId();
  const { meetingId } = roomRoute.useParams();
  const family = useFamily(familyId);
  const me = useQuery(meQuery);
  const refusal = useFamilyRefusal(familyId);
  const [scheduled, setScheduled] = useState(false);
  // Until it starts, watch the family: the chair starting it is a pushed
  // meeting change, so the room opens by itself (a slow poll only while the
  // watch cannot connect).
  const { pollMs } = useLiveFamily(familyId, scheduled);
  const meeting = useQuery({
    ...meetingQuery(familyId, meetingId),
    refetchInterval: (q) => (q.state.data?.data.state === "scheduled" ? pollMs : false),
  });
  const isScheduled = meeting.data?.data.state === "scheduled";
  useEffect(() => setScheduled(isScheduled), [isScheduled]);
  const live = meeting.data?.data.state === "live" && !refusal;
  const room = useMeetingRoom(familyId, meetingId, live);
  const title = meeting.data ? meetingKindLabels[meeting.data.data.kind] : "Meeting";
  usePageTitle(`${title} – ${family.data?.data.displayName ?? "Family"}`);
  if (meeting.isPending || family.isPending || me.isPending)
    return <Loading what="Loading the meeting" />;
  if (meeting.error) return <LoadFailed error={meeting.error} />;
  if (family.error) return <LoadFailed error={family.error} />;
  if (me.error) return <LoadFailed error={me.error} />;
  const m = meeting.data.data;
  const abilities = family.data.abilities;
  const [stateLabel, stateColour] =
    meetingStateTags[room.view.phase === "ended" ? "ended" : m.state];
  const versionId = room.view.ended?.versionId ?? m.planVersionId;
  return (
    <>
      <h1 className="govuk-heading-l">
        {title} <Tag colour={stateColour}>{stateLabel}</Tag>
      </h1>
      <p className="govuk-body">
        {m.state === "ended" && m.startedAt && m.endedAt
          ? `Held ${formatDateTime(m.startedAt)} to ${formatDateTime(m.endedAt).split(" at ")[1]}`
          : `${formatDateTime(m.scheduledFor)} for ${meetingLengthLabel(m.durationMinutes)}`}
        {m.location ? `, ${m.location}` : ""}. Chaired by {m.chair.name}.
      </p>
      {!refusal &&
      (m.state === "scheduled" || m.state === "live") &&
      room.view.phase !== "ended" ? (
        <MeetingApologies
          familyId={familyId}
          meeting={m}
          canRecord={abilities.meeting.record_apology}
        />
      ) : null}
      {abilities.meeting.read_unsent && !refusal && m.state !== "live" ? (
        <UnsentNotices familyId={familyId} meetingId={meetingId} />
      ) : null}
      {abilities.meeting.manage_guests &&
      !refusal &&
      (m.state === "scheduled" || m.state === "live") &&
      room.view.phase !== "ended" ? (
        <MeetingGuests familyId={familyId} meetingId={meetingId} canInvite />
      ) : null}
      {refusal ? (
        <p className="govuk-body govuk-!-font-weight-bold" data-testid="access-ended">
          {refusal.message}
        </p>
      ) : room.view.phase === "ended" || m.state === "ended" ? (
        versionId ? (
          <>
            {abilities.printout.meeting_record ? (
              <DownloadPdf
                href={printoutPaths.meetingRecord(familyId, meetingId)}
                hint="The record as the family may see it, to print or hand to them."
              >
                Download PDF<span className="govuk-visually-hidden"> of the meeting's record</span>
              </DownloadPdf>
            ) : null}
            <MeetingRecord
              familyId={familyId}
              meetingId={meetingId}
              asFamily={me.data.data.role === "family_member"}
            />
            <MeetingVersion familyId={familyId} versionId={versionId} />
          </>
        ) : (
          <p className="govuk-body">This meeting has ended.</p>
        )
      ) : m.state === "cancelled" ? (
        <p className="govuk-body">This meeting was cancelled.</p>
      ) : m.state === "scheduled" ? (
        <NotStarted
          familyId={familyId}
          meetingId={meetingId}
          version={m.version}
          canStart={abilities.meeting.start}
        />
      ) : (
        <LiveRoom familyId={familyId} meId={me.data.data.id} abilities={abilities} room={room} />
      )}
      {refusal ? null : <ReviewInRoom familyId={familyId} meeting={m} abilities={abilities} />}
    </>
  );
}

function NotStarted(props: {
  familyId: string;
  meetingId: string;
  version: number;
  canStart: boolean;
}) {
  const queryClient = useQueryClient();
  const start = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST("/api/families/{familyId}/meetings/{meetingId}/start", {
          params: { path: { familyId: props.familyId, meetingId: props.meetingId } },
          body: { version: props.version },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: familyKey(props.familyId) }),
  });
  if (!props.canStart) {
    return (
      <div className="govuk-inset-text">
        The meeting has not started yet. This page opens the meeting room as soon as the chair
        starts it.
      </div>
    );
  }
  return (
    <>
      {start.error ? <ErrorSummary errors={[{ text: start.error.message }]} /> : null}
      <p className="govuk-body">
        Start the meeting when everyone is ready. The people invited can then join the room.
      </p>
      <Button disabled={start.isPending} onClick={() => start.mutate()}>
        Start the meeting
      </Button>
    </>
  );
}

function LiveRoom({
  familyId,
  meId,
  abilities,
  room,
}: {
  familyId: string;
  meId: string;
  abilities: FamilyAbilities;
  room: ReturnType<typeof useMeetingRoom>;
}) {
  const { view } = room;
  const socket = room.socket.current;
  if (!view.room) {
    if (view.phase === "lobby" || view.phase === "declined") {
      return (
        <LobbyWait declined={view.phase === "declined"} onAskAgain={() => void room.retryJoin()} />
      );
    }
    if (view.phase === "waiting" || view.phase === "failed") {
      return (
        <div className="govuk-inset-text" role="alert">
          {view.message}{" "}
          <Link to="/families/$familyId/meetings" params={{ familyId }} className="govuk-link">
            Back to meetings
          </Link>
        </div>
      );
    }
    return <Loading what="Joining the meeting" />;
  }
  const panel = {
    room: view.room,
    socket,
    meId,
    abilities: {
      moderate: abilities.meeting.moderate,
      setAgenda: abilities.meeting.set_agenda,
      recordDecision: abilities.meeting.record_decision,
    },
  };
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-one-third app-room-column">
        <CallPanel room={view.room} socket={socket} meId={meId} />
        {abilities.meeting.admit ? <RoomLobby room={view.room} socket={socket} /> : null}
        <RoomPeople {...panel} />
        <RoomAgenda {...panel} />
        <RoomDecisions {...panel} />
        <RoomChat {...panel} />
        {abilities.meeting.end && socket ? (
          <EndMeeting
            onEnd={() => send(socket, "meeting:end", { meetingId: panel.room.meetingId })}
            onEnded={room.onEnded}
          />
        ) : null}
      </div>
      <div className="govuk-grid-column-two-thirds">
        <PlanWorkspace familyId={familyId} layout="stacked" watch={false} />
      </div>
    </div>
  );
}

function EndMeeting({
  onEnd,
  onEnded,
}: {
  onEnd: () => ReturnType<typeof send<"meeting:end">>;
  onEnded: (ended: Awaited<ReturnType<typeof send<"meeting:end">>>) => void;
}) {
  const [confirming, setConfirming] = useState(false);
  const action = useRoomAction();
  return (
    <section aria-labelledby="end-meeting" className="app-room-panel">
      <h2 className="govuk-heading-m" id="end-meeting">
        End the meeting
      </h2>
      <p className="govuk-body">
        Ending the meeting stores the plan as it stands now, with the outcomes, actions, attendance
        and decisions. It cannot be changed afterwards.
      </p>
      {confirming ? (
        <div className="govuk-button-group">
          <Button
            variant="warning"
            disabled={action.pending}
            onClick={() =>
              void action.run(async () => {
                onEnded(await onEnd());
              })
            }
          >
            Yes, end the meeting
          </Button>
          <Button variant="secondary" onClick={() => setConfirming(false)}>
            Carry on
          </Button>
        </div>
      ) : (
        <Button variant="warning" onClick={() => setConfirming(true)}>
          End the meeting
        </Button>
      )}
      {action.error ? <p className="govuk-error-message">{action.error}</p> : null}
    </section>
  );
}
