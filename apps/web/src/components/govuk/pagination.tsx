import type { ReactNode } from "react";
import { cx } from "./classes";

export interface PageLinkProps {
  className: string;
  rel?: "prev" | "next";
  /** The page shown now: marked `aria-current="page"`. */
  current?: boolean;
  children: ReactNode;
}

export interface PaginationProps {
  /** 1-based. */
  page: number;
  pages: number;
  /** Names the navigation landmark, e.g. "Drift queue pages". */
  label: string;
  /** A link to a page (the router's Link, so the page keeps its state in the address). */
  link: (page: number, props: PageLinkProps) => ReactNode;
}

/** The pages to link: the first, the last, the current and its neighbours; a gap where pages are left out. */
export function pageNumbers(
  page: number,
  pages: number,
): ({ page: number } | { gapAfter: number })[] {
  const shown = [...new Set([1, page - 1, page, page + 1, pages])]
    .filter((n) => n >= 1 && n <= pages)
    .sort((a, b) => a - b);
  return shown.flatMap((n, i) => {
    const before = shown[i - 1];
    return before !== undefined && n - before > 1
      ? [{ gapAfter: before }, { page: n }]
      : [{ page: n }];
  });
}

/** GOV.UK pagination: previous, numbered pages with gaps, next. Nothing when one page. */
export function Pagination({ page, pages, label, link }: PaginationProps) {
  if (pages <= 1) return null;
  const arrow = (d: string) => (
    <svg
      className={`govuk-pagination__icon govuk-pagination__icon--${d}`}
      xmlns="http://www.w3.org/2000/svg"
      height="13"
      width="15"
      aria-hidden="true"
      focusable="false"
      viewBox="0 0 15 13"
    >
      <path
        d={
          d === "prev"
            ? "m6.5938-0.0078125-6.7266 6.7266 6.7441 6.4062 1.377-1.449-4.1856-3.9768h12.896v-2h-12.984l4.2931-4.293-1.414-1.414z"
            : "m8.107-0.0078125-1.4136 1.414 4.2926 4.293h-12.986v2h12.896l-4.1855 3.9766 1.377 1.4492 6.7441-6.4062-6.7246-6.7266z"
        }
      />
    </svg>
  );
  return (
    <nav className="govuk-pagination" aria-label={label}>
      {page > 1 ? (
        <div className="govuk-pagination__prev">
          {link(page - 1, {
            className: "govuk-link govuk-pagination__link",
            rel: "prev",
            children: (
              <>
                {arrow("prev")}
                <span className="govuk-pagination__link-title">
                  Previous<span className="govuk-visually-hidden"> page</span>
                </span>
              </>
            ),
          })}
        </div>
      ) : null}
      <ul className="govuk-pagination__list">
        {pageNumbers(page, pages).map((item) =>
          "gapAfter" in item ? (
            <li
              key={`gap-${item.gapAfter}`}
              className="govuk-pagination__item govuk-pagination__item--ellipses"
            >
              &ctdot;
            </li>
          ) : (
            <li
              key={item.page}
              className={cx(
                "govuk-pagination__item",
                item.page === page && "govuk-pagination__item--current",
              )}
            >
              {link(item.page, {
                className: "govuk-link govuk-pagination__link",
                current: item.page === page,
                children: (
                  <>
                    <span className="govuk-visually-hidden">Page </span>
                    {item.page}
                  </>
                ),
              })}
            </li>
          ),
        )}
      </ul>
      {page < pages ? (
        <div className="govuk-pagination__next">
          {link(page + 1, {
            className: "govuk-link govuk-pagination__link",
            rel: "next",
            children: (
              <>
                <span className="govuk-pagination__link-title">
                  Next<span className="govuk-visually-hidden"> page</span>
                </span>
                {arrow("next")}
              </>
            ),
          })}
        </div>
      ) : null}
    </nav>
  );
}
