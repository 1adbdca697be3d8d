import { useQuery } from "@tanstack/react-query";
import { Link, useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { api, unwrap } from "../../api/client";
import { meQuery } from "../../app/session";
import { Button, Checkboxes, Input, Radios, Textarea } from "../../components/govuk";
import { setFlash } from "../../components/layout/flash";
import { usePageTitle } from "../../components/layout/page-title";
import { required } from "../../forms/field-errors";
import { FormProblems } from "../../forms/form-problems";
import { useApiForm } from "../../forms/use-api-form";
import { datePartsToIso, isoToDateParts } from "../../lib/dates";
import { memberName } from "../consent/consent-queries";
import { membersQuery, teamQuery, useFamilyId, useRefreshFamily } from "../family/family-queries";
import { meetingKindLabels } from "./meeting-labels";
import { defaultMeetingLength } from "./meeting-length-field";
import { MeetingWhenFields } from "./meeting-when-fields";

const fields = {
  kind: { id: "kind", label: "Kind of meeting" },
  scheduledFor: { id: "date-day", label: "Date and time" },
  time: { id: "time", label: "Time" },
  durationMinutes: { id: "durationMinutes", label: "Length" },
  location: { id: "location", label: "Where" },
  agenda: { id: "agenda", label: "Agenda" },
  invitees: { id: "invitees", label: "Who to invite" },
};

/** "user:<id>" for practitioners, "member:<id>" for family members. */
const inviteeBody = (values: string[]) =>
  values.map((v) => {
    const [kind, id = ""] = v.split(":");
    return kind === "user" ? { userId: id } : { memberId: id };
  });

/** "14:30" or "9.30am" → "14:30"; null when it is not a time. */
export function parseTime(value: string): string | null {
  const match = value
    .trim()
    .toLowerCase()
    .match(/^(\d{1,2})[:.](\d{2})\s*(am|pm)?$/);
  if (!match) return null;
  let hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (match[3] === "pm" && hours < 12) hours += 12;
  if (match[3] === "am" && hours === 12) hours = 0;
  if (hours > 23 || minutes > 59) return null;
  return `${String(hours).padStart(2, "0")}:${String(minutes).padStart(2, "0")}`;
}

function useInviteeItems(familyId: string, meId: string | undefined) {
  const team = useQuery(teamQuery(familyId));
  const members = useQuery(membersQuery(familyId));
  return [
    ...(team.data?.data ?? [])
      .filter((m) => !m.removedAt && m.userId !== meId)
      .map((m) => ({ value: `user:${m.userId}`, label: m.displayName, hint: m.agency?.name })),
    ...(members.data?.data ?? []).map((m) => ({
      value: `member:${m.id}`,
      label: memberName(m),
      hint: m.kind === "adult" ? (m.relationship ?? "Family") : "Young person",
    })),
  ];
}

/** The lead professional books a TAC meeting: kind, when, where, the agenda and who comes. */
export function ScheduleMeetingPage() {
  const familyId = useFamilyId();
  const me = useQuery(meQuery);
  const invitees = useInviteeItems(familyId, me.data?.data.id);
  const refresh = useRefreshFamily(familyId);
  const navigate = useNavigate();
  const [kind, setKind] = useState("initial");
  const [date, setDate] = useState(isoToDateParts(undefined));
  const [time, setTime] = useState("");
  const [durationMinutes, setDurationMinutes] = useState(defaultMeetingLength);
  const [location, setLocation] = useState("");
  const [agenda, setAgenda] = useState(
    "What is working well\nWhat we are worried about\nWhat needs to happen",
  );
  const [invited, setInvited] = useState<string[]>([]);
  const day = datePartsToIso(date);
  const clock = parseTime(time);
  const agendaItems = agenda
    .split("\n")
    .map((t) => t.trim())
    .filter(Boolean);
  const form = useApiForm({
    fields,
    validate: () =>
      required([
        ["scheduledFor", day === null, "Enter the date of the meeting, as a real date"],
        ["time", clock === null, "Enter the time of the meeting, for example 14:30"],
        ["agenda", agendaItems.length === 0, "Enter at least one agenda item"],
      ]),
    submit: () =>
      unwrap(
        api.POST("/api/families/{familyId}/meetings", {
          params: { path: { familyId } },
          body: {
            kind: kind as "initial" | "review" | "closing",
            scheduledFor: new Date(`${day}T${clock}`).toISOString(),
            durationMinutes,
            ...(location.trim() ? { location: location.trim() } : {}),
            agenda: agendaItems.map((title) => ({ title })),
            invitees: inviteeBody(invited),
          },
        }),
      ),
    onSuccess: async (created) => {
      await refresh();
      const warning =
        created.data.timeliness?.status !== "on_time"
          ? created.data.timeliness?.message
          : undefined;
      setFlash(`/families/${familyId}/meetings`, "Meeting booked", warning ? [warning] : undefined);
      await navigate({ to: "/families/$familyId/meetings", params: { familyId } });
    },
  });
  usePageTitle("Schedule a meeting", form.errors !== null);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <FormProblems form={form} />
        <h1 className="govuk-heading-l">Schedule a meeting</h1>
        <form noValidate onSubmit={form.handleSubmit(undefined)}>
          <Radios
            id="kind"
            legend="What kind of meeting is it?"
            legendSize="s"
            items={(["initial", "review", "closing"] as const).map((k) => ({
              value: k,
              label: meetingKindLabels[k],
            }))}
            value={kind}
            onChange={setKind}
            error={form.fieldError("kind")}
          />
          <MeetingWhenFields
            date={date}
            onDateChange={setDate}
            time={time}
            onTimeChange={setTime}
            durationMinutes={durationMinutes}
            onDurationChange={setDurationMinutes}
            fieldError={form.fieldError}
          />
          <Input
            id="location"
            label="Where is it? (optional)"
            labelClassName="govuk-label--s"
            value={location}
            onChange={setLocation}
            error={form.fieldError("location")}
          />
          <Textarea
            id="agenda"
            label="Agenda"
            labelClassName="govuk-label--s"
            hint="One item on each line."
            rows={5}
            value={agenda}
            onChange={setAgenda}
            error={form.fieldError("agenda")}
          />
          <Checkboxes
            id="invitees"
            legend="Who is invited?"
            legendSize="s"
            hint="You chair the meeting and are always invited."
            small
            items={invitees}
            values={invited}
            onChange={setInvited}
            error={form.fieldError("invitees")}
          />
          <div className="govuk-button-group">
            <Button type="submit" disabled={form.pending}>
              Book the meeting
            </Button>
            <Link to="/families/$familyId/meetings" params={{ familyId }} className="govuk-link">
              Cancel
            </Link>
          </div>
        </form>
      </div>
    </div>
  );
}
