/**
 * On a staff account's page: the subject access export for that person —
 * their account, sessions and devices, sign-ins, the records they wrote (by
 * kind, with families' references), what they did and read, and their notices.
 * Each download is audited.
 */
export function StaffSubjectAccess({ userId, name }: { userId: string; name: string }) {
  const path = `/api/admin/subject-access/users/${userId}/export`;
  return (
    <section aria-labelledby="staff-subject-access-heading">
      <h2 className="govuk-heading-m" id="staff-subject-access-heading">
        Subject access request
      </h2>
      <p className="govuk-body">
        Everything the service holds about {name}: their account, sign-ins, the records they wrote
        and what they read. Each download is recorded in the audit log.
      </p>
      <p className="govuk-body">
        <a className="govuk-link" href={`${path}.pdf`} download>
          Download the PDF
        </a>
        {" · "}
        <a className="govuk-link" href={`${path}.json`} download>
          Download the JSON file
        </a>
      </p>
    </section>
  );
}
