import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { AdminUser } from "../../api/types";
import { Input, Radios, Select } from "../../components/govuk";
import type { ApiForm } from "../../forms/use-api-form";
import { agenciesQuery } from "../consent/consent-queries";

export type StaffRole = "practitioner" | "manager" | "administrator" | "partnership_analyst";

export const userFields = {
  email: { id: "email", label: "Email address" },
  displayName: { id: "displayName", label: "Full name" },
  jobTitle: { id: "jobTitle", label: "Job title" },
  role: { id: "role", label: "Role" },
  agencyId: { id: "agencyId", label: "Agency" },
};

/** The answers of the staff account form, shared by "invite" and "change". */
export function useUserAnswers(user?: AdminUser) {
  const [email, setEmail] = useState(user?.email ?? "");
  const [displayName, setDisplayName] = useState(user?.displayName ?? "");
  const [jobTitle, setJobTitle] = useState(user?.jobTitle ?? "");
  const [role, setRole] = useState<string>(user?.role ?? "");
  const [agencyId, setAgencyId] = useState(user?.agency?.id ?? "");
  return {
    email,
    setEmail,
    displayName,
    setDisplayName,
    jobTitle,
    setJobTitle,
    role,
    setRole,
    agencyId,
    setAgencyId,
  };
}

export type UserAnswers = ReturnType<typeof useUserAnswers>;

export function staffRole(role: string): StaffRole {
  return role === "manager" || role === "administrator" || role === "partnership_analyst"
    ? role
    : "practitioner";
}

export function UserFields({
  answers,
  form,
  withEmail,
}: {
  answers: UserAnswers;
  form: Pick<ApiForm<never, unknown>, "fieldError">;
  withEmail: boolean;
}) {
  const agencies = useQuery(agenciesQuery);
  const agencyOptions = [
    { value: "", label: "No agency" },
    ...(agencies.data ?? [])
      .filter((a) => a.active || a.id === answers.agencyId)
      .map((a) => ({ value: a.id, label: a.name })),
  ];
  return (
    <>
      {withEmail ? (
        <Input
          id="email"
          label="Email address"
          type="email"
          spellCheck={false}
          autoComplete="off"
          value={answers.email}
          onChange={answers.setEmail}
          error={form.fieldError("email")}
        />
      ) : null}
      <Input
        id="displayName"
        label="Full name"
        autoComplete="off"
        value={answers.displayName}
        onChange={answers.setDisplayName}
        error={form.fieldError("displayName")}
      />
      <Input
        id="jobTitle"
        label="Job title (optional)"
        value={answers.jobTitle}
        onChange={answers.setJobTitle}
        error={form.fieldError("jobTitle")}
      />
      <Radios
        id="role"
        legend="Role"
        legendSize="s"
        items={[
          {
            value: "practitioner",
            label: "Practitioner",
            hint: "Works with families in their teams",
          },
          { value: "manager", label: "Manager", hint: "Oversees their service's families" },
          {
            value: "administrator",
            label: "Administrator",
            hint: "Manages agencies, accounts and settings",
          },
          {
            value: "partnership_analyst",
            label: "Partnership analyst",
            hint: "Sees the partnership's figures only: no names, no families",
          },
        ]}
        value={answers.role}
        onChange={answers.setRole}
        error={form.fieldError("role")}
      />
      <Select
        id="agencyId"
        label="Agency"
        hint="Required for practitioners and managers."
        options={agencyOptions}
        value={answers.agencyId}
        onChange={answers.setAgencyId}
        error={form.fieldError("agencyId")}
      />
    </>
  );
}
