import { auditGrades } from "../oversight/oversight-vocabulary";
import { closureReasons, outcomeAreas } from "../shared/vocabulary";

/** How a row's figure is worked out from counts. */
export type FigureRowDefinition =
  | { key: string; label: string; unit: "count"; measure: string }
  | {
      key: string;
      label: string;
      unit: "percent" | "ratio";
      numerator: string;
      denominator: string;
    }
  | { key: string; label: string; unit: "working_days"; median: string; sample: string };

export interface FigureDefinition {
  key: string;
  title: string;
  rows: FigureRowDefinition[];
  /** Rows whose counts add up to another row's (for secondary suppression). */
  sums: { total: string; parts: string[] }[];
}

const count = (key: string, label: string, measure = key) =>
  ({ key, label, unit: "count", measure }) as const;
const percent = (key: string, label: string, numerator: string, denominator: string) =>
  ({ key, label, unit: "percent", numerator, denominator }) as const;

const words = (key: string) => {
  const text = key.replaceAll("_", " ");
  return text.charAt(0).toUpperCase() + text.slice(1);
};

/** The figures of a period, in the order a board reads them (docs/figures.md). */
export function figureCatalogue(auditQuarters: readonly string[]): FigureDefinition[] {
  return [
    {
      key: "requests",
      title: "Requests for help",
      rows: [
        count("requests.received", "Received"),
        count("requests.accepted", "Accepted"),
        count("requests.signposted", "Signposted"),
        count("requests.not_accepted", "Not accepted"),
        count("requests.awaiting_triage", "Awaiting a decision"),
        count("requests.from_practitioner", "Asked by a practitioner"),
        count("requests.from_family", "Asked by the family"),
      ],
      sums: [
        {
          total: "requests.received",
          parts: [
            "requests.accepted",
            "requests.signposted",
            "requests.not_accepted",
            "requests.awaiting_triage",
          ],
        },
        {
          total: "requests.received",
          parts: ["requests.from_practitioner", "requests.from_family"],
        },
      ],
    },
    {
      key: "assessments",
      title: "Early Help Assessments",
      rows: [
        count("assessments.started", "Started"),
        count("assessments.completed", "Completed"),
        {
          key: "assessments.working_days_to_complete",
          label: "Median working days to complete",
          unit: "working_days",
          median: "assessments.working_days_to_complete",
          sample: "assessments.completed",
        },
      ],
      sums: [],
    },
    {
      key: "timeliness",
      title: "Timeliness of TAC meetings and reviews",
      rows: [
        count("tac.plans", "Plans put in place (assessments completed)"),
        percent(
          "tac.within_target_percent",
          "% with a first TAC meeting within target",
          "tac.within_target",
          "tac.plans",
        ),
        count("reviews.due", "Reviews due"),
        percent(
          "reviews.on_time_percent",
          "% of reviews held on time",
          "reviews.on_time",
          "reviews.due",
        ),
      ],
      sums: [],
    },
    {
      key: "caseload",
      title: "Open caseload at the end of the period",
      rows: [
        count("caseload.open", "Open episodes"),
        count("caseload.leads", "Lead professionals holding them"),
        {
          key: "caseload.per_lead",
          label: "Open episodes per lead professional",
          unit: "ratio",
          numerator: "caseload.open",
          denominator: "caseload.leads",
        },
      ],
      sums: [],
    },
    {
      key: "closures",
      title: "Episodes closed, by reason",
      rows: [
        count("closures.total", "Closed"),
        ...closureReasons.map((r) => count(`closures.${r}`, words(r))),
        count("outcomes.recorded", "Outcomes with a result at closure"),
        percent("outcomes.met_percent", "% of outcomes met", "outcomes.met", "outcomes.recorded"),
      ],
      sums: [{ total: "closures.total", parts: closureReasons.map((r) => `closures.${r}`) }],
    },
    {
      key: "changes",
      title: "Step-ups and step-downs",
      rows: [
        count("changes.stepped_up", "Stepped up to social care"),
        count("changes.stepped_down", "Stepped down from social care"),
      ],
      sums: [],
    },
    {
      key: "rereferrals",
      title: "Re-referrals",
      rows: [
        count("rereferrals.opened", "Episodes opened"),
        percent(
          "rereferrals.within_3_months_rate",
          "% opened within 3 months of the last closing",
          "rereferrals.within_3_months",
          "rereferrals.opened",
        ),
        percent(
          "rereferrals.within_12_months_rate",
          "% opened within 12 months of the last closing",
          "rereferrals.within_12_months",
          "rereferrals.opened",
        ),
      ],
      sums: [],
    },
    {
      key: "distance",
      title: "Distance travelled: % of need areas improved by closure",
      rows: outcomeAreas.map((area) =>
        percent(
          `distance.${area}`,
          words(area),
          `distance.${area}.improved`,
          `distance.${area}.lines`,
        ),
      ),
      sums: [],
    },
    {
      key: "feedback",
      title: '"How was it for you?": % who agreed',
      rows: [
        count("feedback.answers", "Answers"),
        ...(["respected", "listened_to", "helped", "would_recommend"] as const).map((q) =>
          percent(`feedback.${q}`, words(q), `feedback.${q}.positive`, "feedback.answers"),
        ),
      ],
      sums: [],
    },
    {
      key: "audits",
      title: "Case-file audit grades, by quarter",
      rows: auditQuarters.flatMap((quarter) => [
        count(`audits.${quarter}.total`, `${quarter}: audited`),
        ...auditGrades.map((g) => count(`audits.${quarter}.${g}`, `${quarter}: ${words(g)}`)),
      ]),
      sums: auditQuarters.map((quarter) => ({
        total: `audits.${quarter}.total`,
        parts: auditGrades.map((g) => `audits.${quarter}.${g}`),
      })),
    },
    {
      key: "sustained",
      title: "Change sustained after closure",
      rows: (["3", "6"] as const).flatMap((months) => [
        count(`sustained.${months}_months.known`, `Checked at ${months} months`),
        percent(
          `sustained.${months}_months.rate`,
          `% sustained at ${months} months`,
          `sustained.${months}_months.yes`,
          `sustained.${months}_months.known`,
        ),
      ]),
      sums: [],
    },
  ];
}
