import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useNavigate, useRouterState } from "@tanstack/react-router";
import type { ReactNode } from "react";
import { authorityQuery, meQuery, signOut } from "../../app/session";
import {
  NewNotificationAnnouncer,
  NotificationsNavLabel,
} from "../../features/notifications/notifications-nav";
import { useLiveUnreadCount } from "../../features/notifications/use-live-unread-count";

interface NavItem {
  to: string;
  label: ReactNode;
}

function NavLink({ item, current }: { item: NavItem; current: boolean }) {
  return (
    <li
      className={`govuk-service-navigation__item${current ? " govuk-service-navigation__item--active" : ""}`}
    >
      <Link
        to={item.to}
        className="govuk-service-navigation__link"
        aria-current={current ? "page" : undefined}
      >
        {current ? (
          <strong className="govuk-service-navigation__active-fallback">{item.label}</strong>
        ) : (
          item.label
        )}
      </Link>
    </li>
  );
}

function SignOutItem() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return (
    <li className="govuk-service-navigation__item">
      <button
        type="button"
        className="govuk-service-navigation__link app-service-navigation__button"
        onClick={async () => {
          await signOut(queryClient);
          await navigate({ to: "/sign-in", search: { signedOut: true } });
        }}
      >
        Sign out
      </button>
    </li>
  );
}

/** The header: the authority's name (no crown, no GOV.UK), then Teamaround's own navigation. */
export function Header() {
  const me = useQuery({ ...meQuery, retry: false });
  const signedIn = me.data !== undefined;
  const authority = useQuery({ ...authorityQuery, enabled: signedIn });
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const watchesNotifications = me.data?.abilities.my_notifications.read ?? false;
  useLiveUnreadCount(watchesNotifications);
  const items: NavItem[] = [];
  if (me.data) {
    const { data, abilities } = me.data;
    if (data.role === "family_member") items.push({ to: "/our-family", label: "Our family" });
    else if (abilities.family.list_mine) items.push({ to: "/my-work", label: "My work" });
    if (abilities.manager_workspace.read) items.push({ to: "/dashboard", label: "Your service" });
    if (abilities.figures.read) items.push({ to: "/reports", label: "Figures" });
    if (abilities.help_request.list) {
      items.push({ to: "/requests", label: "Requests for help" });
    }
    if (abilities.user.manage || abilities.agency.manage || abilities.authority.manage) {
      items.push({ to: "/admin", label: "Administration" });
    }
    if (abilities.my_notifications.read) {
      items.push({ to: "/notifications", label: <NotificationsNavLabel /> });
    }
    items.push({ to: "/account/sessions", label: "Your account" });
  }
  const authorityName = authority.data?.name ?? me.data?.data.authority.name;
  return (
    <header>
      <div className="govuk-generic-header">
        <div className="govuk-generic-header__container govuk-width-container">
          <div className="govuk-generic-header__logo">
            <Link to="/" className="govuk-generic-header__homepage-link">
              {authorityName ?? "Teamaround"}
            </Link>
          </div>
        </div>
      </div>
      {signedIn ? (
        <ServiceNavigation>
          {items.map((item) => (
            <NavLink
              key={item.to}
              item={item}
              current={pathname === item.to || pathname.startsWith(`${item.to}/`)}
            />
          ))}
          <SignOutItem />
        </ServiceNavigation>
      ) : null}
      {watchesNotifications ? <NewNotificationAnnouncer /> : null}
    </header>
  );
}

function ServiceNavigation({ children }: { children: ReactNode }) {
  return (
    <section aria-label="Service information" className="govuk-service-navigation">
      <div className="govuk-width-container">
        <div className="govuk-service-navigation__container">
          <span className="govuk-service-navigation__service-name">
            <Link to="/" className="govuk-service-navigation__link">
              Teamaround
            </Link>
          </span>
          <nav aria-label="Menu" className="govuk-service-navigation__wrapper">
            <ul className="govuk-service-navigation__list" id="navigation">
              {children}
            </ul>
          </nav>
        </div>
      </div>
    </section>
  );
}
