import { useQuery } from "@tanstack/react-query";
import { Link, useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { api, unwrap } from "../../api/client";
import type { Family } from "../../api/types";
import { authorityQuery } from "../../app/session";
import { Button, Radios, Textarea } from "../../components/govuk";
import { setFlash } from "../../components/layout/flash";
import { usePageTitle } from "../../components/layout/page-title";
import { required } from "../../forms/field-errors";
import { FormProblems } from "../../forms/form-problems";
import { useApiForm } from "../../forms/use-api-form";
import { useFamily, useFamilyId, useRefreshFamily } from "./family-queries";

/** The family being changed, and a way back to its summary with a message. */
function useLifecycle() {
  const familyId = useFamilyId();
  const family = useFamily(familyId);
  const refresh = useRefreshFamily(familyId);
  const navigate = useNavigate();
  const done = async (heading: string) => {
    await refresh();
    setFlash(`/families/${familyId}`, heading);
    await navigate({ to: "/families/$familyId", params: { familyId } });
  };
  return { familyId, family: family.data?.data, refresh, done };
}

function Cancel({ familyId }: { familyId: string }) {
  return (
    <Link to="/families/$familyId" params={{ familyId }} className="govuk-link">
      Cancel
    </Link>
  );
}

function useLevels() {
  const authority = useQuery(authorityQuery);
  return (authority.data?.levelsOfNeed ?? []).map((l) => ({
    value: String(l.level),
    label: `${l.level} – ${l.label}`,
    hint: l.description,
  }));
}

export function LevelOfNeedPage() {
  const { familyId, family, refresh, done } = useLifecycle();
  return family ? (
    <LevelOfNeedForm key={family.version} {...{ familyId, family, refresh, done }} />
  ) : null;
}

type FormProps = {
  familyId: string;
  family: Family;
  refresh: () => Promise<void>;
  done: (heading: string) => Promise<void>;
};

function LevelOfNeedForm({ familyId, family, refresh, done }: FormProps) {
  const levels = useLevels();
  const [level, setLevel] = useState(String(family.levelOfNeed));
  const form = useApiForm({
    fields: { levelOfNeed: { id: "levelOfNeed", label: "Level of need" } },
    submit: () =>
      unwrap(
        api.PATCH("/api/families/{familyId}", {
          params: { path: { familyId } },
          body: { version: family.version, levelOfNeed: Number(level) },
        }),
      ),
    onSuccess: () => done("Level of need changed"),
  });
  usePageTitle(`Change the level of need – ${family.displayName}`, form.errors !== null);
  return (
    <form noValidate onSubmit={form.handleSubmit(undefined)}>
      <FormProblems form={form} onReload={refresh} />
      <Radios
        id="levelOfNeed"
        legend="What is the family's level of need?"
        legendSize="l"
        isPageHeading
        items={levels}
        value={level}
        onChange={setLevel}
        error={form.fieldError("levelOfNeed")}
      />
      <div className="govuk-button-group">
        <Button type="submit" disabled={form.pending}>
          Save level of need
        </Button>
        <Cancel familyId={familyId} />
      </div>
    </form>
  );
}

export function StepUpPage() {
  const { familyId, family, refresh, done } = useLifecycle();
  return family ? (
    <StepUpForm key={family.version} {...{ familyId, family, refresh, done }} />
  ) : null;
}

function StepUpForm({ familyId, family, refresh, done }: FormProps) {
  const [note, setNote] = useState("");
  const form = useApiForm({
    fields: { note: { id: "note", label: "Why the case needs social care" } },
    validate: () =>
      required([["note", !note.trim(), "Enter why the case needs children's social care"]]),
    submit: () =>
      unwrap(
        api.POST("/api/families/{familyId}/step-up", {
          params: { path: { familyId } },
          body: { version: family.version, note },
        }),
      ),
    onSuccess: () => done("Case stepped up to children's social care"),
  });
  usePageTitle(`Step up – ${family.displayName}`, form.errors !== null);
  return (
    <form noValidate onSubmit={form.handleSubmit(undefined)}>
      <FormProblems form={form} onReload={refresh} />
      <h1 className="govuk-heading-l">Step up to children's social care</h1>
      <p className="govuk-body">
        This closes the Early Help case. If you think a child is at risk of significant harm,
        contact children's social care now as well: do not wait for this record.
      </p>
      <Textarea
        id="note"
        label="Why does the case need children's social care?"
        labelClassName="govuk-label--m"
        value={note}
        onChange={setNote}
        error={form.fieldError("note")}
      />
      <div className="govuk-button-group">
        <Button type="submit" variant="warning" disabled={form.pending}>
          Step up
        </Button>
        <Cancel familyId={familyId} />
      </div>
    </form>
  );
}

export function StepDownPage() {
  const { familyId, family, refresh, done } = useLifecycle();
  return family ? (
    <StepDownForm key={family.version} {...{ familyId, family, refresh, done }} />
  ) : null;
}

function StepDownForm({ familyId, family, refresh, done }: FormProps) {
  const levels = useLevels();
  const [level, setLevel] = useState("");
  const [note, setNote] = useState("");
  const form = useApiForm({
    fields: {
      levelOfNeed: { id: "levelOfNeed", label: "Level of need" },
      note: { id: "note", label: "Note" },
    },
    validate: () =>
      required([
        ["levelOfNeed", !level, "Select the family's level of need"],
        ["note", !note.trim(), "Enter a note about the step down"],
      ]),
    submit: () =>
      unwrap(
        api.POST("/api/families/{familyId}/step-down", {
          params: { path: { familyId } },
          body: { version: family.version, levelOfNeed: Number(level), note },
        }),
      ),
    onSuccess: () => done("Case reopened for Early Help"),
  });
  usePageTitle(`Reopen after step down – ${family.displayName}`, form.errors !== null);
  return (
    <form noValidate onSubmit={form.handleSubmit(undefined)}>
      <FormProblems form={form} onReload={refresh} />
      <h1 className="govuk-heading-l">Reopen after step down</h1>
      <Radios
        id="levelOfNeed"
        legend="What is the family's level of need now?"
        legendSize="m"
        items={levels}
        value={level}
        onChange={setLevel}
        error={form.fieldError("levelOfNeed")}
      />
      <Textarea
        id="note"
        label="Note"
        labelClassName="govuk-label--m"
        hint="What social care handed over, and why Early Help is right now."
        value={note}
        onChange={setNote}
        error={form.fieldError("note")}
      />
      <div className="govuk-button-group">
        <Button type="submit" disabled={form.pending}>
          Reopen the case
        </Button>
        <Cancel familyId={familyId} />
      </div>
    </form>
  );
}
