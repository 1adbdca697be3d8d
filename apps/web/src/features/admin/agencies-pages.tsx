import { useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, Link, useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { api, unwrap } from "../../api/client";
import type { Agency, AgencyType } from "../../api/types";
import { Button, Input, Radios, Select, Table, Tag } from "../../components/govuk";
import { setFlash } from "../../components/layout/flash";
import { LoadFailed, Loading } from "../../components/layout/page-states";
import { usePageTitle } from "../../components/layout/page-title";
import { required } from "../../forms/field-errors";
import { FormProblems } from "../../forms/form-problems";
import { useApiForm } from "../../forms/use-api-form";
import { agencyTypeLabels, optionsOf } from "../../lib/labels";
import { agenciesQuery } from "../consent/consent-queries";

const editRoute = getRouteApi("/_authed/admin/agencies/$agencyId");

export function AgenciesPage() {
  usePageTitle("Agencies");
  const agencies = useQuery(agenciesQuery);
  return (
    <>
      <h1 className="govuk-heading-l">Agencies</h1>
      <Link to="/admin/agencies/new" className="govuk-button govuk-button--secondary">
        Add an agency
      </Link>
      {agencies.isPending ? <Loading /> : null}
      {agencies.error ? <LoadFailed error={agencies.error} /> : null}
      {agencies.data ? (
        <div className="app-table-scroll">
          <Table<Agency>
            caption="Agencies of your authority"
            captionHidden
            rows={agencies.data}
            rowKey={(a) => a.id}
            firstCellIsHeader
            columns={[
              { header: "Name", cell: (a) => a.name },
              { header: "Type", cell: (a) => agencyTypeLabels[a.type] },
              {
                header: "Contact address",
                cell: (a) => a.contactEmail ?? <Tag colour="orange">None</Tag>,
              },
              {
                header: "Status",
                cell: (a) =>
                  a.active ? (
                    <Tag colour="green">Active</Tag>
                  ) : (
                    <Tag colour="grey">Deactivated</Tag>
                  ),
              },
              {
                header: <span className="govuk-visually-hidden">Action</span>,
                cell: (a) => (
                  <Link
                    to="/admin/agencies/$agencyId"
                    params={{ agencyId: a.id }}
                    className="govuk-link"
                  >
                    Change<span className="govuk-visually-hidden"> {a.name}</span>
                  </Link>
                ),
              },
            ]}
          />
        </div>
      ) : null}
    </>
  );
}

export function NewAgencyPage() {
  return <AgencyForm />;
}

export function EditAgencyPage() {
  const { agencyId } = editRoute.useParams();
  const agencies = useQuery(agenciesQuery);
  const agency = agencies.data?.find((a) => a.id === agencyId);
  if (agencies.error) return <LoadFailed error={agencies.error} />;
  if (!agencies.data) return null;
  if (!agency) return <LoadFailed error={new Error("not found")} />;
  // A new version (after "Reload the latest version") starts the form again from it.
  return <AgencyForm key={agency.version} agency={agency} onReload={() => agencies.refetch()} />;
}

function AgencyForm({ agency, onReload }: { agency?: Agency; onReload?: () => unknown }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [name, setName] = useState(agency?.name ?? "");
  const [type, setType] = useState<string>(agency?.type ?? "");
  const [active, setActive] = useState(agency?.active === false ? "no" : "yes");
  const [contactEmail, setContactEmail] = useState(agency?.contactEmail ?? "");
  const form = useApiForm({
    fields: {
      name: { id: "name", label: "Name" },
      type: { id: "type", label: "Type" },
      active: { id: "active", label: "Status" },
      contactEmail: { id: "contactEmail", label: "Contact email address" },
    },
    validate: () =>
      required([
        ["name", !name.trim(), "Enter the agency's name"],
        ["type", !type, "Select the type of agency"],
        [
          "contactEmail",
          contactEmail.trim() !== "" && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(contactEmail.trim()),
          "Enter an email address in the right format, like team@agency.example",
        ],
      ]),
    submit: () =>
      agency
        ? unwrap(
            api.PATCH("/api/agencies/{agencyId}", {
              params: { path: { agencyId: agency.id } },
              body: {
                version: agency.version,
                name,
                type: type as AgencyType,
                active: active === "yes",
                contactEmail: contactEmail.trim() || null,
              },
            }),
          )
        : unwrap(
            api.POST("/api/agencies", {
              body: {
                name,
                type: type as AgencyType,
                ...(contactEmail.trim() ? { contactEmail: contactEmail.trim() } : {}),
              },
            }),
          ),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: agenciesQuery.queryKey });
      setFlash("/admin/agencies", agency ? `${name} saved` : `${name} added`);
      await navigate({ to: "/admin/agencies" });
    },
  });
  const heading = agency ? `Change ${agency.name}` : "Add an agency";
  usePageTitle(heading, form.errors !== null);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <FormProblems form={form} {...(onReload ? { onReload: () => void onReload() } : {})} />
        <h1 className="govuk-heading-l">{heading}</h1>
        <form noValidate onSubmit={form.handleSubmit(undefined)}>
          <Input
            id="name"
            label="Name"
            value={name}
            onChange={setName}
            error={form.fieldError("name")}
          />
          <Select
            id="type"
            label="Type"
            options={optionsOf(agencyTypeLabels, "Choose a type")}
            value={type}
            onChange={setType}
            error={form.fieldError("type")}
          />
          <Input
            id="contactEmail"
            label="Contact email address (optional)"
            hint="A team inbox. When a family withdraws consent to share information with this agency, Teamaround emails this address. Without one, the agency must be told another way."
            type="email"
            spellCheck={false}
            autoComplete="off"
            value={contactEmail}
            onChange={setContactEmail}
            error={form.fieldError("contactEmail")}
          />
          {agency ? (
            <Radios
              id="active"
              legend="Can its staff use Teamaround?"
              legendSize="s"
              hint="A deactivated agency keeps its records, but cannot be named in new consent, lawful bases or shares."
              items={[
                { value: "yes", label: "Active" },
                { value: "no", label: "Deactivated" },
              ]}
              value={active}
              onChange={setActive}
              error={form.fieldError("active")}
            />
          ) : null}
          <div className="govuk-button-group">
            <Button type="submit" disabled={form.pending}>
              {agency ? "Save" : "Add agency"}
            </Button>
            <Link to="/admin/agencies" className="govuk-link">
              Cancel
            </Link>
          </div>
        </form>
      </div>
    </div>
  );
}
