import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useState } from "react";
import { api, unwrap } from "../../api/client";
import type { NoticePreferences } from "../../api/types";
import { Button, Checkboxes, NotificationBanner, Select } from "../../components/govuk";
import { LoadFailed, Loading } from "../../components/layout/page-states";
import { usePageTitle } from "../../components/layout/page-title";
import { FormProblems } from "../../forms/form-problems";
import { useApiForm } from "../../forms/use-api-form";
import { noticePreferencesQuery } from "./notification-queries";

type OptionalKind = NoticePreferences["optionalKinds"][number];

/** What each optional kind is, in the words of the form. */
export const optionalKindLabels: Record<OptionalKind, string> = {
  action_assigned: "An action is given to you",
  action_changed: "The due date or words of an action of yours change",
  action_due: "An action of yours is due tomorrow",
  daily_digest: "Your daily summary of overdue actions and reviews due, if you lead families",
  new_sign_in: "Someone signs in to your account from a browser it has not been used from before",
};

/** The time-of-day question, for those sent something at a time of day (staff; family reminders). */
function timeQuestion(kinds: readonly OptionalKind[]): { label: string; hint: string } | null {
  if (kinds.includes("daily_digest")) {
    return {
      label: "When should your daily summary and reminders come?",
      hint: "UK time. The summary comes only on days when something is overdue or due; reminders of actions due tomorrow come at the same time.",
    };
  }
  if (kinds.includes("action_due")) {
    return {
      label: "When should reminders of things due tomorrow come?",
      hint: "UK time.",
    };
  }
  return null;
}

/** 6am to 8pm on the hour, and whatever time is stored if it is not one of them. */
function digestTimes(current: string) {
  const hours = Array.from({ length: 15 }, (_, i) => `${String(i + 6).padStart(2, "0")}:00`);
  const times = hours.includes(current) ? hours : [...hours, current].sort();
  return times.map((value) => ({ value, label: timeLabel(value) }));
}

function timeLabel(hhmm: string): string {
  const [h = 0, m = 0] = hhmm.split(":").map(Number);
  const hour = h % 12 === 0 ? 12 : h % 12;
  const period = h < 12 ? "am" : "pm";
  return m === 0 ? `${hour}${period}` : `${hour}:${String(m).padStart(2, "0")}${period}`;
}

export function NoticePreferencesPage() {
  usePageTitle("Notification settings");
  const preferences = useQuery(noticePreferencesQuery);
  if (preferences.isPending) return <Loading />;
  if (preferences.error) return <LoadFailed error={preferences.error} />;
  return <PreferencesForm preferences={preferences.data} />;
}

const fields = {
  digestTime: { id: "digestTime", label: "Daily summary time" },
  emailOff: { id: "emailOn", label: "Emails" },
};

function PreferencesForm({ preferences }: { preferences: NoticePreferences }) {
  const queryClient = useQueryClient();
  const question = timeQuestion(preferences.optionalKinds);
  const [digestTime, setDigestTime] = useState(preferences.digestTime);
  const [emailOn, setEmailOn] = useState<string[]>(
    preferences.optionalKinds.filter((kind) => !preferences.emailOff.includes(kind)),
  );
  const form = useApiForm({
    fields,
    submit: () =>
      unwrap(
        api.PATCH("/api/me/notice-preferences", {
          body: {
            digestTime,
            emailOff: preferences.optionalKinds.filter((kind) => !emailOn.includes(kind)),
          },
        }),
      ),
    onSuccess: (saved) => {
      queryClient.setQueryData(noticePreferencesQuery.queryKey, saved.data);
    },
  });
  return (
    <>
      <FormProblems form={form} />
      {form.result && !form.pending ? (
        <NotificationBanner type="success" focus heading="Your notification settings are saved" />
      ) : null}
      <h1 className="govuk-heading-l">Notification settings</h1>
      <p className="govuk-body">
        Everything is shown in Teamaround under Notifications. Here you choose what also comes by
        email.
      </p>
      <form noValidate onSubmit={form.handleSubmit(undefined)}>
        <Checkboxes
          id="emailOn"
          legend="Email me when"
          legendSize="m"
          hint="Emails say what happened and link to it; they never include details of a family. Invitations, password changes, and safeguarding notices such as consent being withdrawn, are always sent."
          items={preferences.optionalKinds.map((kind) => ({
            value: kind,
            label: optionalKindLabels[kind],
          }))}
          values={emailOn}
          onChange={setEmailOn}
          error={form.fieldError("emailOff")}
        />
        {question ? (
          <Select
            id="digestTime"
            label={question.label}
            labelClassName="govuk-label--m"
            hint={question.hint}
            value={digestTime}
            onChange={setDigestTime}
            options={digestTimes(digestTime)}
            error={form.fieldError("digestTime")}
          />
        ) : null}
        <Button type="submit" disabled={form.pending}>
          Save notification settings
        </Button>
      </form>
      <p className="govuk-body">
        <Link to="/account/sessions" className="govuk-link">
          Back to your account
        </Link>
      </p>
    </>
  );
}
