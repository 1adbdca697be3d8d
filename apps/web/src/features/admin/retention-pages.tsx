import { useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, Link, useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { api, unwrap } from "../../api/client";
import type { components } from "../../api/schema";
import {
  Button,
  DateInput,
  Input,
  SummaryList,
  Table,
  Tag,
  Textarea,
} from "../../components/govuk";
import { setFlash } from "../../components/layout/flash";
import { LoadFailed, Loading } from "../../components/layout/page-states";
import { usePageTitle } from "../../components/layout/page-title";
import { required } from "../../forms/field-errors";
import { FormProblems } from "../../forms/form-problems";
import { useApiForm } from "../../forms/use-api-form";
import { datePartsToIso, emptyDate, formatDay } from "../../lib/dates";
import { retentionReviewsQuery } from "./retention-queries";

type RetentionReview = components["schemas"]["RetentionReview"];

const listPath = "/admin/retention";
const reviewRoute = getRouteApi("/_authed/admin/retention/$familyId");
const eraseRoute = getRouteApi("/_authed/admin/retention/$familyId/erase");

function status(review: RetentionReview) {
  if (review.hold) return <Tag colour="red">Legal hold</Tag>;
  return <Tag colour="orange">Due for review</Tag>;
}

export function RetentionReviewsPage() {
  usePageTitle("Records due for review");
  const reviews = useQuery(retentionReviewsQuery);
  return (
    <>
      <h1 className="govuk-heading-l">Records due for review</h1>
      <p className="govuk-body">
        Closed families whose records your authority's retention rule says are due for review. For
        each one, keep it for longer, place a legal hold, or erase it.
      </p>
      {reviews.isPending ? <Loading /> : null}
      {reviews.error ? <LoadFailed error={reviews.error} /> : null}
      {reviews.data && reviews.data.length === 0 ? (
        <p className="govuk-body">No records are due for review.</p>
      ) : null}
      {reviews.data && reviews.data.length > 0 ? (
        <div className="app-table-scroll">
          <Table<RetentionReview>
            caption="Records due for review"
            captionHidden
            rows={reviews.data}
            rowKey={(r) => r.familyId}
            firstCellIsHeader
            columns={[
              { header: "Family reference", cell: (r) => r.familyReference },
              { header: "Closed on", cell: (r) => (r.closedOn ? formatDay(r.closedOn) : "—") },
              { header: "Due since", cell: (r) => formatDay(r.dueOn) },
              { header: "Rule", cell: (r) => r.ruleWords },
              { header: "Status", cell: status },
              {
                header: <span className="govuk-visually-hidden">Action</span>,
                cell: (r) => (
                  <Link
                    to="/admin/retention/$familyId"
                    params={{ familyId: r.familyId }}
                    className="govuk-link"
                  >
                    Review<span className="govuk-visually-hidden"> {r.familyReference}</span>
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

function useReview(familyId: string) {
  const reviews = useQuery(retentionReviewsQuery);
  return { reviews, review: reviews.data?.find((r) => r.familyId === familyId) };
}

export function RetentionReviewPage() {
  const { familyId } = reviewRoute.useParams();
  const { reviews, review } = useReview(familyId);
  if (reviews.error) return <LoadFailed error={reviews.error} />;
  if (!reviews.data) return <Loading />;
  if (!review) return <LoadFailed error={new Error("not found")} />;
  return <ReviewDecisions key={review.version} review={review} />;
}

function useAfterChange(message: string) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return async () => {
    await queryClient.invalidateQueries({ queryKey: retentionReviewsQuery.queryKey });
    setFlash(listPath, message);
    await navigate({ to: listPath });
  };
}

function ReviewDecisions({ review }: { review: RetentionReview }) {
  const heading = `Review ${review.familyReference}`;
  usePageTitle(heading);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to={listPath} className="govuk-back-link">
          Back to records due for review
        </Link>
        <h1 className="govuk-heading-l">{heading}</h1>
        <SummaryList
          rows={[
            { key: "Closed on", value: review.closedOn ? formatDay(review.closedOn) : "—" },
            { key: "Due since", value: formatDay(review.dueOn) },
            { key: "Rule", value: review.ruleWords },
            {
              key: "Legal hold",
              value: review.hold
                ? `${review.hold.reason} (placed by ${review.hold.heldBy})`
                : "None",
            },
          ]}
        />
        {review.hold ? (
          <LiftHoldForm review={review} />
        ) : (
          <>
            <ExtendForm review={review} />
            <HoldForm review={review} />
            <h2 className="govuk-heading-m">Erase</h2>
            <p className="govuk-body">
              Removes the family's personal data for good. You will be asked to confirm.
            </p>
            <Link
              to="/admin/retention/$familyId/erase"
              params={{ familyId: review.familyId }}
              className="govuk-button govuk-button--warning"
            >
              Erase this record
            </Link>
          </>
        )}
      </div>
    </div>
  );
}

function ExtendForm({ review }: { review: RetentionReview }) {
  const [until, setUntil] = useState(emptyDate);
  const [reason, setReason] = useState("");
  const form = useApiForm({
    fields: {
      until: { id: "until-day", label: "Keep until" },
      reason: { id: "extend-reason", label: "Why keep it" },
    },
    validate: () =>
      required([
        ["until", !datePartsToIso(until), "Enter the date to keep the record until"],
        ["reason", !reason.trim(), "Enter why the record is kept for longer"],
      ]),
    submit: () =>
      unwrap(
        api.POST("/api/admin/retention-reviews/{familyId}/extend", {
          params: { path: { familyId: review.familyId } },
          body: { until: datePartsToIso(until) ?? "", reason, version: review.version },
        }),
      ),
    onSuccess: useAfterChange(`${review.familyReference} kept for longer`),
  });
  return (
    <form noValidate onSubmit={form.handleSubmit(undefined)}>
      <FormProblems form={form} />
      <h2 className="govuk-heading-m">Keep for longer</h2>
      <DateInput
        id="until"
        legend="Keep until"
        legendSize="s"
        hint="For example, 1 9 2030"
        value={until}
        onChange={setUntil}
        error={form.fieldError("until")}
      />
      <Textarea
        id="extend-reason"
        label="Why keep it"
        value={reason}
        onChange={setReason}
        error={form.fieldError("reason")}
      />
      <Button type="submit" variant="secondary" disabled={form.pending}>
        Keep for longer
      </Button>
    </form>
  );
}

function HoldForm({ review }: { review: RetentionReview }) {
  const [reason, setReason] = useState("");
  const form = useApiForm({
    fields: { reason: { id: "hold-reason", label: "Reason for the legal hold" } },
    validate: () => required([["reason", !reason.trim(), "Enter the reason for the legal hold"]]),
    submit: () =>
      unwrap(
        api.POST("/api/admin/retention-reviews/{familyId}/hold", {
          params: { path: { familyId: review.familyId } },
          body: { reason, version: review.version },
        }),
      ),
    onSuccess: useAfterChange(`Legal hold placed on ${review.familyReference}`),
  });
  return (
    <form noValidate onSubmit={form.handleSubmit(undefined)}>
      <FormProblems form={form} />
      <h2 className="govuk-heading-m">Legal hold</h2>
      <Textarea
        id="hold-reason"
        label="Reason for the legal hold"
        hint="For example, a court case or an inquiry. Nothing is erased until the hold is lifted."
        value={reason}
        onChange={setReason}
        error={form.fieldError("reason")}
      />
      <Button type="submit" variant="secondary" disabled={form.pending}>
        Place a legal hold
      </Button>
    </form>
  );
}

function LiftHoldForm({ review }: { review: RetentionReview }) {
  const form = useApiForm({
    fields: {},
    submit: () =>
      unwrap(
        api.POST("/api/admin/retention-reviews/{familyId}/lift-hold", {
          params: { path: { familyId: review.familyId } },
          body: { version: review.version },
        }),
      ),
    onSuccess: useAfterChange(`Legal hold lifted from ${review.familyReference}`),
  });
  return (
    <form noValidate onSubmit={form.handleSubmit(undefined)}>
      <FormProblems form={form} />
      <p className="govuk-body">
        While the hold stands the record cannot be kept for longer or erased.
      </p>
      <Button type="submit" disabled={form.pending}>
        Lift the legal hold
      </Button>
    </form>
  );
}

export function EraseRecordPage() {
  const { familyId } = eraseRoute.useParams();
  const { reviews, review } = useReview(familyId);
  if (reviews.error) return <LoadFailed error={reviews.error} />;
  if (!reviews.data) return <Loading />;
  if (!review) return <LoadFailed error={new Error("not found")} />;
  return <EraseConfirmation review={review} />;
}

function EraseConfirmation({ review }: { review: RetentionReview }) {
  const [typed, setTyped] = useState("");
  const form = useApiForm({
    fields: { confirmReference: { id: "confirmReference", label: "Family reference" } },
    validate: () =>
      required([
        [
          "confirmReference",
          typed.trim() !== review.familyReference,
          `Type ${review.familyReference} exactly to confirm`,
        ],
      ]),
    submit: () =>
      unwrap(
        api.POST("/api/admin/retention-reviews/{familyId}/erase", {
          params: { path: { familyId: review.familyId } },
          body: { confirmReference: typed.trim(), version: review.version },
        }),
      ),
    onSuccess: useAfterChange(`${review.familyReference} erased`),
  });
  const heading = `Erase ${review.familyReference}`;
  usePageTitle(heading, form.errors !== null);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link
          to="/admin/retention/$familyId"
          params={{ familyId: review.familyId }}
          className="govuk-back-link"
        >
          Back
        </Link>
        <FormProblems form={form} />
        <h1 className="govuk-heading-l">{heading}</h1>
        <div className="govuk-warning-text">
          <span className="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <strong className="govuk-warning-text__text">
            <span className="govuk-visually-hidden">Warning</span>
            This cannot be undone.
          </strong>
        </div>
        <p className="govuk-body">This removes, for every member of the family:</p>
        <ul className="govuk-list govuk-list--bullet">
          <li>names, dates of birth, contact details and equality details</li>
          <li>portal and meeting guest accounts</li>
          <li>
            everything written about the family: the plan, outcomes and actions, notes, the
            assessment, reviews, meeting notes, chat and decisions, shares, consent, feedback and
            the request for help
          </li>
          <li>the live plan, voice and notes documents and their history</li>
        </ul>
        <p className="govuk-body">
          What stays: the family reference, the audit trail with each person shown as "Erased person
          1", "Erased person 2"…, and the anonymous counts in the authority's figures.
        </p>
        <form noValidate onSubmit={form.handleSubmit(undefined)}>
          <Input
            id="confirmReference"
            label="Type the family reference to confirm"
            hint={review.familyReference}
            spellCheck={false}
            autoComplete="off"
            value={typed}
            onChange={setTyped}
            error={form.fieldError("confirmReference")}
          />
          <div className="govuk-button-group">
            <Button type="submit" variant="warning" disabled={form.pending}>
              Erase this record
            </Button>
            <Link to={listPath} className="govuk-link">
              Cancel
            </Link>
          </div>
        </form>
      </div>
    </div>
  );
}
