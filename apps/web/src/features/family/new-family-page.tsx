import { useQuery } from "@tanstack/react-query";
import { Link, useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { api, unwrap } from "../../api/client";
import { authorityQuery } from "../../app/session";
import { Button, Input, Radios, Select } from "../../components/govuk";
import { setFlash } from "../../components/layout/flash";
import { usePageTitle } from "../../components/layout/page-title";
import { required } from "../../forms/field-errors";
import { FormProblems } from "../../forms/form-problems";
import { useApiForm } from "../../forms/use-api-form";

const fields = {
  displayName: { id: "displayName", label: "Family name" },
  levelOfNeed: { id: "levelOfNeed", label: "Level of need" },
  locality: { id: "locality", label: "Locality" },
  origin: { id: "origin", label: "How the case started" },
};

export function NewFamilyPage() {
  const authority = useQuery(authorityQuery);
  const navigate = useNavigate();
  const [displayName, setDisplayName] = useState("");
  const [level, setLevel] = useState("");
  const [locality, setLocality] = useState("");
  const [origin, setOrigin] = useState<"early_help_request" | "stepped_down">("early_help_request");
  const form = useApiForm({
    fields,
    validate: () =>
      required([
        ["displayName", !displayName.trim(), "Enter a name for the family"],
        ["levelOfNeed", !level, "Select the family's level of need"],
      ]),
    submit: () =>
      unwrap(
        api.POST("/api/families", {
          body: {
            displayName,
            levelOfNeed: Number(level),
            origin,
            ...(locality ? { locality } : {}),
          },
        }),
      ),
    onSuccess: async ({ data }) => {
      setFlash(`/families/${data.id}`, "Case started", [
        `The reference is ${data.reference}. You are its lead professional.`,
      ]);
      await navigate({ to: "/families/$familyId", params: { familyId: data.id } });
    },
  });
  usePageTitle("Start a new case", form.errors !== null);
  const levels = (authority.data?.levelsOfNeed ?? []).map((l) => ({
    value: String(l.level),
    label: `${l.level} – ${l.label}`,
    hint: l.description,
  }));
  const localities = authority.data?.localities ?? [];
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <FormProblems form={form} />
        <h1 className="govuk-heading-l">Start a new case</h1>
        <p className="govuk-body">
          You will be the family's lead professional. You can hand this over later.
        </p>
        <form noValidate onSubmit={form.handleSubmit(undefined)}>
          <Input
            id="displayName"
            label="Family name"
            hint="How the team will refer to the family, for example ‘The Ashdown family’."
            value={displayName}
            onChange={setDisplayName}
            error={form.fieldError("displayName")}
          />
          <Radios
            id="levelOfNeed"
            legend="Level of need"
            legendSize="m"
            items={levels}
            value={level}
            onChange={setLevel}
            error={form.fieldError("levelOfNeed")}
          />
          {localities.length > 0 ? (
            <Select
              id="locality"
              label="Locality"
              labelClassName="govuk-label--m"
              hint="The area team the family lives in. You can leave this for now."
              value={locality}
              onChange={setLocality}
              options={[
                { value: "", label: "Not recorded" },
                ...localities.map((l) => ({ value: l, label: l })),
              ]}
              error={form.fieldError("locality")}
            />
          ) : null}
          <Radios
            id="origin"
            legend="How did the case start?"
            legendSize="m"
            items={[
              { value: "early_help_request", label: "A request for Early Help" },
              { value: "stepped_down", label: "Stepped down from children's social care" },
            ]}
            value={origin}
            onChange={(v) =>
              setOrigin(v === "stepped_down" ? "stepped_down" : "early_help_request")
            }
            error={form.fieldError("origin")}
          />
          <div className="govuk-button-group">
            <Button type="submit" disabled={form.pending}>
              Start the case
            </Button>
            <Link to="/my-work" className="govuk-link">
              Cancel
            </Link>
          </div>
        </form>
      </div>
    </div>
  );
}
