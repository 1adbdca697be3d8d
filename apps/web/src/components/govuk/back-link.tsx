import { createLink } from "@tanstack/react-router";
import { type AnchorHTMLAttributes, forwardRef } from "react";

const BackLinkAnchor = forwardRef<HTMLAnchorElement, AnchorHTMLAttributes<HTMLAnchorElement>>(
  function BackLinkAnchor(props, ref) {
    return <a ref={ref} {...props} className="govuk-back-link" />;
  },
);

/** The GOV.UK back link, as a router link: `<BackLink to="/my-work">Back</BackLink>`. */
export const BackLink = createLink(BackLinkAnchor);
