import type { NoticeVariables } from "./notice-kinds";
import { noticeDay, type RenderContext, type RenderedNotice } from "./render-notice";

type WorkNotice =
  | { kind: "action_assigned"; variables: NoticeVariables<"action_assigned"> }
  | { kind: "action_changed"; variables: NoticeVariables<"action_changed"> }
  | { kind: "action_due"; variables: NoticeVariables<"action_due"> }
  | { kind: "daily_digest"; variables: NoticeVariables<"daily_digest"> };

const signOff = "Teamaround\n\nThis email was sent automatically. Replies are not read.";

/** Where an action is shown: the family's outcomes and actions, at the action. */
export function actionPath(familyId: string, actionId: string): string {
  return `/families/${familyId}/outcomes#action-${actionId}`;
}

/** Where a family member sees an action of theirs: their family's own page, at its card. */
export function familyActionPath(familyId: string, actionId: string): string {
  return `/our-family/${familyId}#action-${actionId}`;
}

function forFamily(familyName: string | undefined): string {
  return familyName ? ` for ${familyName}` : "";
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/**
 * The words of the notices about a person's work: what happened and a link,
 * never the action's words. The family is named only when the variables
 * carry its name (the authority allows it).
 */
export function renderWorkNotice(content: WorkNotice, context: RenderContext): RenderedNotice {
  if (content.kind === "daily_digest") return renderDigest(content.variables, context);
  if (content.variables.audience === "family") return renderForFamily(content, context);
  const { actionId, familyId, dueDate, familyName } = content.variables;
  const link = `${context.publicOrigin}${actionPath(familyId, actionId)}`;
  const due = noticeDay(`${dueDate}T12:00:00Z`);
  const family = forFamily(familyName);
  const opening = {
    action_assigned: `You have a new action in Teamaround${family}. It is due on ${due}.`,
    action_changed: `An action of yours in Teamaround${family} was changed. It is now due on ${due}.`,
    action_due: `An action of yours in Teamaround${family} is due tomorrow, ${due}.`,
  }[content.kind];
  const subject = {
    action_assigned: "You have a new action in Teamaround",
    action_changed: "An action of yours in Teamaround was changed",
    action_due: "An action of yours in Teamaround is due tomorrow",
  }[content.kind];
  return {
    subject,
    body: [opening, `See it here:\n${link}`, signOff].join("\n\n"),
    personalisation: { link, due_on: due, family: familyName ?? "", subject, opening },
  };
}

type ActionNotice = Exclude<WorkNotice, { kind: "daily_digest" }>;

const familySubjects: Record<ActionNotice["kind"], string> = {
  action_assigned: "You have something new to do in your family's plan",
  action_changed: "Something you are doing in your family's plan has changed",
  action_due: "Something you are doing in your family's plan is due tomorrow",
};

/**
 * The same notices in plain words for a family member who owns the action:
 * what happened, when it is due, a link to their family's page — never the
 * action's words or the family's name.
 */
function renderForFamily(content: ActionNotice, context: RenderContext): RenderedNotice {
  const { actionId, familyId, dueDate } = content.variables;
  const link = `${context.publicOrigin}${familyActionPath(familyId, actionId)}`;
  const due = noticeDay(`${dueDate}T12:00:00Z`);
  const opening = {
    action_assigned: `The people who help your family have added something for you to do to your family's plan. It is due on ${due}.`,
    action_changed: `Something you agreed to do in your family's plan has changed. It is now due on ${due}.`,
    action_due: `Something you agreed to do in your family's plan is due tomorrow, ${due}.`,
  }[content.kind];
  return {
    subject: familySubjects[content.kind],
    body: [
      opening,
      `Sign in to see what it is:\n${link}`,
      "If you have a question about it, ask the worker who supports your family. You can choose which of these emails you get in Your account.",
      signOff,
    ].join("\n\n"),
    personalisation: {
      link,
      due_on: due,
      family: "",
      subject: familySubjects[content.kind],
      opening,
    },
  };
}

function renderDigest(
  variables: NoticeVariables<"daily_digest">,
  context: RenderContext,
): RenderedNotice {
  const link = `${context.publicOrigin}/my-work`;
  const day = noticeDay(`${variables.day}T12:00:00Z`);
  const overdue = plural(variables.overdueActions, "action is", "actions are");
  const reviews = plural(variables.reviewsDue, "review is", "reviews are");
  return {
    subject: "Your Teamaround summary for today",
    body: [
      `Across the families you lead, on ${day}:`,
      `${overdue} overdue\n${reviews} due with no meeting booked`,
      `See your work here:\n${link}`,
      "You can change when this comes, or stop it, in Your account.",
      signOff,
    ].join("\n\n"),
    personalisation: {
      link,
      day,
      overdue_actions: String(variables.overdueActions),
      reviews_due: String(variables.reviewsDue),
    },
  };
}
