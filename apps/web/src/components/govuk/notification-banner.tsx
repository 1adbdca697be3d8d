import { type ReactNode, useEffect, useId, useRef } from "react";

export interface NotificationBannerProps {
  type?: "important" | "success";
  title?: string;
  heading?: ReactNode;
  children?: ReactNode;
  /** Take focus when shown (success banners after an action) */
  focus?: boolean;
}

export function NotificationBanner({
  type = "important",
  title,
  heading,
  children,
  focus,
}: NotificationBannerProps) {
  const divRef = useRef<HTMLDivElement>(null);
  const sectionRef = useRef<HTMLElement>(null);
  const titleId = useId();
  useEffect(() => {
    if (focus) (divRef.current ?? sectionRef.current)?.focus();
  }, [focus]);
  const success = type === "success";
  const titleText = title ?? (success ? "Success" : "Important");
  const content = (
    <>
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id={titleId}>
          {titleText}
        </h2>
      </div>
      <div className="govuk-notification-banner__content">
        {heading ? <p className="govuk-notification-banner__heading">{heading}</p> : null}
        {children}
      </div>
    </>
  );
  if (success) {
    return (
      <div
        ref={divRef}
        className="govuk-notification-banner govuk-notification-banner--success"
        role="alert"
        tabIndex={focus ? -1 : undefined}
        data-module="govuk-notification-banner"
      >
        {content}
      </div>
    );
  }
  return (
    <section
      ref={sectionRef}
      className="govuk-notification-banner"
      aria-labelledby={titleId}
      tabIndex={focus ? -1 : undefined}
      data-module="govuk-notification-banner"
    >
      {content}
    </section>
  );
}
