import { useQuery } from "@tanstack/react-query";
import { meQuery } from "../../app/session";

export function Footer() {
  const me = useQuery({ ...meQuery, retry: false });
  const authority = me.data?.data.authority.name;
  return (
    <footer className="govuk-footer">
      <div className="govuk-width-container">
        <div className="govuk-footer__meta">
          <div className="govuk-footer__meta-item govuk-footer__meta-item--grow">
            <p className="govuk-body-s govuk-!-margin-bottom-0">
              Teamaround: one plan for the people helping a family, and the family themselves.
              {authority ? ` Run by ${authority}.` : ""}
            </p>
            <p className="govuk-body-s govuk-!-margin-top-2 govuk-!-margin-bottom-0">
              Information about families is shared only with the people helping them, on their
              consent or another lawful basis.
            </p>
          </div>
        </div>
      </div>
    </footer>
  );
}
