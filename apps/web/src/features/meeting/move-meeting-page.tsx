import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link, useNavigate } from "@tanstack/react-router";
import { meetingAnchor } from "@teamaround/domain";
import { useState } from "react";
import { api, unwrap } from "../../api/client";
import type { Meeting } from "../../api/types";
import { Button } from "../../components/govuk";
import { setFlash } from "../../components/layout/flash";
import { LoadFailed, Loading } from "../../components/layout/page-states";
import { usePageTitle } from "../../components/layout/page-title";
import { required } from "../../forms/field-errors";
import { FormProblems } from "../../forms/form-problems";
import { useApiForm } from "../../forms/use-api-form";
import { type DateParts, datePartsToIso, formatDateTime } from "../../lib/dates";
import { useFamilyId, useRefreshFamily } from "../family/family-queries";
import { meetingKindLabels, meetingLengthLabel } from "./meeting-labels";
import { meetingQuery } from "./meeting-queries";
import { MeetingWhenFields } from "./meeting-when-fields";
import { parseTime } from "./schedule-meeting-page";

const moveRoute = getRouteApi("/_authed/families/$familyId/meetings/$meetingId/move");

const fields = {
  scheduledFor: { id: "date-day", label: "Date" },
  time: { id: "time", label: "Time" },
  durationMinutes: { id: "durationMinutes", label: "Length" },
};

const pad = (n: number) => String(n).padStart(2, "0");

/** The day and time a meeting starts, as the booking form took them (this browser's clock). */
function startParts(iso: string): { date: DateParts; time: string } {
  const at = new Date(iso);
  return {
    date: {
      day: String(at.getDate()),
      month: String(at.getMonth() + 1),
      year: String(at.getFullYear()),
    },
    time: `${pad(at.getHours())}:${pad(at.getMinutes())}`,
  };
}

/**
 * The chair moves a booked meeting to another time or gives it another
 * length; either way everyone invited is sent the changed calendar entry.
 */
export function MoveMeetingPage() {
  const familyId = useFamilyId();
  const { meetingId } = moveRoute.useParams();
  const meeting = useQuery(meetingQuery(familyId, meetingId));
  usePageTitle("Change the time or length of a meeting");
  if (meeting.isPending) return <Loading what="Loading the meeting" />;
  if (meeting.error) return <LoadFailed error={meeting.error} />;
  const m = meeting.data.data;
  if (m.state !== "scheduled") {
    return (
      <>
        <h1 className="govuk-heading-l">This meeting cannot be moved</h1>
        <p className="govuk-body">Only a booked meeting can be moved.</p>
        <BackToMeetings familyId={familyId} meetingId={meetingId} />
      </>
    );
  }
  return <MoveMeetingForm familyId={familyId} meeting={m} />;
}

function MoveMeetingForm({ familyId, meeting }: { familyId: string; meeting: Meeting }) {
  const refresh = useRefreshFamily(familyId);
  const navigate = useNavigate();
  const start = startParts(meeting.scheduledFor);
  const [date, setDate] = useState(start.date);
  const [time, setTime] = useState(start.time);
  const [durationMinutes, setDurationMinutes] = useState(meeting.durationMinutes);
  const day = datePartsToIso(date);
  const clock = parseTime(time);
  const scheduledFor = day && clock ? new Date(`${day}T${clock}`).toISOString() : null;
  const moved =
    scheduledFor !== null && Date.parse(scheduledFor) !== Date.parse(meeting.scheduledFor);
  const lengthChanged = durationMinutes !== meeting.durationMinutes;
  const form = useApiForm({
    fields,
    validate: () =>
      required([
        ["scheduledFor", day === null, "Enter the date of the meeting, as a real date"],
        ["time", clock === null, "Enter the time of the meeting, for example 14:30"],
        [
          "scheduledFor",
          day !== null && clock !== null && !moved && !lengthChanged,
          "Change the date, the time or the length, or go back",
        ],
      ]),
    submit: () =>
      unwrap(
        api.PATCH("/api/families/{familyId}/meetings/{meetingId}", {
          params: { path: { familyId, meetingId: meeting.id } },
          body: {
            version: meeting.version,
            ...(moved && scheduledFor ? { scheduledFor } : {}),
            ...(lengthChanged ? { durationMinutes } : {}),
          },
        }),
      ),
    onSuccess: async () => {
      await refresh();
      setFlash(`/families/${familyId}/meetings`, "Meeting changed", [
        "Everyone invited has been sent the new time in their calendar invitation.",
      ]);
      await navigate({
        to: "/families/$familyId/meetings",
        params: { familyId },
        hash: meetingAnchor(meeting.id),
      });
    },
  });
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <FormProblems form={form} />
        <h1 className="govuk-heading-l">Change the time or length of a meeting</h1>
        <p className="govuk-body">
          {meetingKindLabels[meeting.kind]}, now {formatDateTime(meeting.scheduledFor)} for{" "}
          {meetingLengthLabel(meeting.durationMinutes)}.
        </p>
        {form.stale ? (
          <p className="govuk-body">
            Someone else changed this meeting since you opened it. Go back to the meetings and open
            it again.
          </p>
        ) : null}
        <form noValidate onSubmit={form.handleSubmit(undefined)}>
          <MeetingWhenFields
            date={date}
            onDateChange={setDate}
            time={time}
            onTimeChange={setTime}
            durationMinutes={durationMinutes}
            onDurationChange={setDurationMinutes}
            fieldError={form.fieldError}
          />
          <div className="govuk-button-group">
            <Button type="submit" disabled={form.pending}>
              Save and tell everyone invited
            </Button>
            <BackToMeetings familyId={familyId} meetingId={meeting.id} words="Cancel" />
          </div>
        </form>
      </div>
    </div>
  );
}

function BackToMeetings({
  familyId,
  meetingId,
  words = "Back to the meetings",
}: {
  familyId: string;
  meetingId: string;
  words?: string;
}) {
  return (
    <Link
      to="/families/$familyId/meetings"
      params={{ familyId }}
      hash={meetingAnchor(meetingId)}
      className="govuk-link"
    >
      {words}
    </Link>
  );
}
