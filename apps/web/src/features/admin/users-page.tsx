import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link, useNavigate } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import type { AdminUser } from "../../api/types";
import { Button, Input, Select, Table, Tag } from "../../components/govuk";
import { LoadFailed, Loading } from "../../components/layout/page-states";
import { usePageTitle } from "../../components/layout/page-title";
import { roleLabels } from "../../lib/labels";
import { usersQuery } from "./admin-queries";

const route = getRouteApi("/_authed/admin/users");

export const statusLabels: Record<AdminUser["status"], [string, "blue" | "green" | "grey"]> = {
  invited: ["Invited", "blue"],
  active: ["Active", "green"],
  deactivated: ["Deactivated", "grey"],
};

export function UsersPage() {
  usePageTitle("Staff accounts");
  const filter = route.useSearch();
  const navigate = useNavigate();
  const users = useQuery(usersQuery(filter));
  const [q, setQ] = useState(filter.q ?? "");
  const [role, setRole] = useState<string>(filter.role ?? "");
  const [status, setStatus] = useState<string>(filter.status ?? "");
  const apply = (event: FormEvent) => {
    event.preventDefault();
    void navigate({
      to: "/admin/users",
      search: {
        q: q.trim() || undefined,
        role:
          role === "practitioner" ||
          role === "manager" ||
          role === "administrator" ||
          role === "family_member"
            ? role
            : undefined,
        status:
          status === "invited" || status === "active" || status === "deactivated"
            ? status
            : undefined,
      },
    });
  };
  return (
    <>
      <h1 className="govuk-heading-l">Staff accounts</h1>
      <Link to="/admin/users/new" className="govuk-button govuk-button--secondary">
        Invite a member of staff
      </Link>
      <form noValidate onSubmit={apply} className="app-inline-form" aria-label="Filter accounts">
        <Input id="q" label="Name or email" width="20" value={q} onChange={setQ} />
        <Select
          id="role"
          label="Role"
          value={role}
          onChange={setRole}
          options={[
            { value: "", label: "Any role" },
            ...Object.entries(roleLabels).map(([value, label]) => ({ value, label })),
          ]}
        />
        <Select
          id="status"
          label="Status"
          value={status}
          onChange={setStatus}
          options={[
            { value: "", label: "Any status" },
            ...Object.entries(statusLabels).map(([value, [label]]) => ({ value, label })),
          ]}
        />
        <div className="govuk-form-group">
          <Button type="submit" variant="secondary">
            Filter
          </Button>
        </div>
      </form>
      {users.isPending ? <Loading /> : null}
      {users.error ? <LoadFailed error={users.error} /> : null}
      {users.data ? (
        <div className="app-table-scroll">
          <Table<AdminUser>
            caption={`${users.data.length} ${users.data.length === 1 ? "account" : "accounts"}`}
            captionSize="s"
            rows={users.data}
            rowKey={(u) => u.id}
            firstCellIsHeader
            columns={[
              {
                header: "Name",
                cell: (u) => (
                  <Link to="/admin/users/$userId" params={{ userId: u.id }} className="govuk-link">
                    {u.displayName}
                  </Link>
                ),
              },
              {
                header: "Email",
                cell: (u) => <span className="app-break-anywhere">{u.email}</span>,
              },
              { header: "Role", cell: (u) => roleLabels[u.role] },
              { header: "Agency", cell: (u) => u.agency?.name ?? "" },
              {
                header: "Status",
                cell: (u) => (
                  <Tag colour={statusLabels[u.status][1]}>{statusLabels[u.status][0]}</Tag>
                ),
              },
              { header: "Two-step", cell: (u) => (u.totpEnabled ? "On" : "Off") },
            ]}
          />
        </div>
      ) : null}
    </>
  );
}
