import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { api, unwrap } from "../../api/client";
import type { components } from "../../api/schema";
import {
  Button,
  ErrorSummary,
  Input,
  Radios,
  Table,
  Tag,
  type TagColour,
} from "../../components/govuk";
import { useApiForm } from "../../forms/use-api-form";
import { formatDateTime } from "../../lib/dates";
import { familyKey } from "../family/family-queries";

type Guest = components["schemas"]["MeetingGuest"];

const guestsQuery = (familyId: string, meetingId: string) =>
  queryOptions({
    queryKey: [...familyKey(familyId), "meetings", meetingId, "guests"],
    queryFn: () =>
      unwrap(
        api.GET("/api/families/{familyId}/meetings/{meetingId}/guests", {
          params: { path: { familyId, meetingId } },
        }),
      ),
  });

const statusTags: Record<Guest["status"], [string, TagColour]> = {
  invited: ["Invited", "blue"],
  joined: ["Signed in", "green"],
  revoked: ["Withdrawn", "grey"],
  expired: ["Expired", "grey"],
  locked: ["Too many wrong codes", "red"],
};

const fields = {
  name: { id: "guest-name", label: "Name" },
  organisation: { id: "guest-organisation", label: "Organisation" },
  email: { id: "guest-email", label: "Email address" },
  role: { id: "guest-role", label: "Role" },
  mayWrite: { id: "guest-may-write", label: "May they edit the plan" },
};

/**
 * For the lead, on the meeting's page: partners without an account (a GP, a
 * school nurse from another trust) invited to this meeting, how each stands,
 * a way to withdraw an invitation, and a form to invite another.
 */
export function MeetingGuests({
  familyId,
  meetingId,
  canInvite,
}: {
  familyId: string;
  meetingId: string;
  canInvite: boolean;
}) {
  const guests = useQuery(guestsQuery(familyId, meetingId));
  const rows = guests.data?.data ?? [];
  return (
    <section aria-labelledby="meeting-guests" className="govuk-!-margin-bottom-6">
      <h2 className="govuk-heading-m" id="meeting-guests">
        Guests without an account
      </h2>
      {rows.length === 0 ? (
        <p className="govuk-body">No guests are invited.</p>
      ) : (
        <GuestTable familyId={familyId} meetingId={meetingId} guests={rows} />
      )}
      {canInvite ? <InviteGuestForm familyId={familyId} meetingId={meetingId} /> : null}
    </section>
  );
}

function GuestTable({
  familyId,
  meetingId,
  guests,
}: {
  familyId: string;
  meetingId: string;
  guests: Guest[];
}) {
  const queryClient = useQueryClient();
  const revoke = useMutation({
    mutationFn: (guestId: string) =>
      unwrap(
        api.POST("/api/families/{familyId}/meetings/{meetingId}/guests/{guestId}/revoke", {
          params: { path: { familyId, meetingId, guestId } },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries(guestsQuery(familyId, meetingId)),
  });
  return (
    <>
      {revoke.error ? <ErrorSummary errors={[{ text: revoke.error.message }]} /> : null}
      <Table<Guest>
        caption="Invited guests"
        captionHidden
        rows={guests}
        rowKey={(guest) => guest.id}
        firstCellIsHeader
        columns={[
          {
            header: "Guest",
            cell: (guest) => `${guest.name}, ${guest.role}, ${guest.organisation}`,
          },
          { header: "Plan", cell: (guest) => (guest.mayWrite ? "May edit" : "Read only") },
          {
            header: "Status",
            cell: (guest) => {
              const [label, colour] = statusTags[guest.status];
              return (
                <>
                  <Tag colour={colour}>{label}</Tag>
                  <span className="govuk-body-s govuk-!-display-block">
                    Until {formatDateTime(guest.expiresAt)}
                  </span>
                </>
              );
            },
          },
          {
            header: <span className="govuk-visually-hidden">Action</span>,
            cell: (guest) =>
              guest.status === "invited" || guest.status === "joined" ? (
                <Button
                  variant="warning"
                  disabled={revoke.isPending}
                  onClick={() => revoke.mutate(guest.id)}
                >
                  Withdraw<span className="govuk-visually-hidden"> {guest.name}'s invitation</span>
                </Button>
              ) : null,
          },
        ]}
      />
    </>
  );
}

function InviteGuestForm({ familyId, meetingId }: { familyId: string; meetingId: string }) {
  const queryClient = useQueryClient();
  const [name, setName] = useState("");
  const [organisation, setOrganisation] = useState("");
  const [email, setEmail] = useState("");
  const [role, setRole] = useState("");
  const [mayWrite, setMayWrite] = useState("");
  const form = useApiForm({
    fields,
    validate: () =>
      [
        name.trim() ? null : { field: "name", message: "Enter the guest's name" },
        organisation.trim() ? null : { field: "organisation", message: "Enter their organisation" },
        email.trim() ? null : { field: "email", message: "Enter their email address" },
        role.trim() ? null : { field: "role", message: "Enter their role, for example GP" },
        mayWrite ? null : { field: "mayWrite", message: "Choose whether they may edit the plan" },
      ].filter((issue) => issue !== null),
    submit: () =>
      unwrap(
        api.POST("/api/families/{familyId}/meetings/{meetingId}/guests", {
          params: { path: { familyId, meetingId } },
          body: {
            name: name.trim(),
            organisation: organisation.trim(),
            email: email.trim(),
            role: role.trim(),
            mayWrite: mayWrite === "yes",
          },
        }),
      ),
    onSuccess: async () => {
      for (const clear of [setName, setOrganisation, setEmail, setRole, setMayWrite]) clear("");
      await queryClient.invalidateQueries(guestsQuery(familyId, meetingId));
    },
  });
  return (
    <form noValidate onSubmit={form.handleSubmit(undefined)}>
      <h3 className="govuk-heading-s">Invite a guest</h3>
      <p className="govuk-body">
        They get a link and a one-time code by email, wait in the lobby until you let them in, and
        see this meeting's room and plan only, until the meeting ends.
      </p>
      {form.errors ? <ErrorSummary errors={form.errors.summary} /> : null}
      <Input
        id="guest-name"
        label="Name"
        value={name}
        onChange={setName}
        maxLength={120}
        error={form.fieldError("name")}
      />
      <Input
        id="guest-organisation"
        label="Organisation"
        hint="For example, Riverside Surgery"
        value={organisation}
        onChange={setOrganisation}
        maxLength={160}
        error={form.fieldError("organisation")}
      />
      <Input
        id="guest-email"
        label="Email address"
        type="email"
        autoComplete="off"
        spellCheck={false}
        value={email}
        onChange={setEmail}
        error={form.fieldError("email")}
      />
      <Input
        id="guest-role"
        label="Role"
        hint="For example, GP or school nurse"
        value={role}
        onChange={setRole}
        maxLength={80}
        width="20"
        error={form.fieldError("role")}
      />
      <Radios
        id="guest-may-write"
        legend="May they edit the plan?"
        legendSize="s"
        inline
        value={mayWrite}
        onChange={setMayWrite}
        items={[
          { value: "no", label: "No, read only" },
          { value: "yes", label: "Yes" },
        ]}
        error={form.fieldError("mayWrite")}
      />
      <Button type="submit" variant="secondary" disabled={form.pending}>
        Invite guest
      </Button>
    </form>
  );
}
