/**
 * Whether a promotion is approved.
 *
 * The promote job is bound to an environment with required reviewers, and the
 * run's approval log tells who approved. That log has no timestamps or attempt
 * numbers and keeps growing across re-runs, so an entry counts only when it is
 * beyond what the prepare job saw (the baseline) and what earlier promote
 * attempts used (consumed). A re-run therefore needs a new approval.
 */
export type ApprovalState = 'approved' | 'rejected' | 'pending';

export interface Approval {
  environments: string[];
  state: ApprovalState;
  user: string;
  comment: string;
}

export interface ApprovalFacts {
  /** The environment the promote job is bound to. */
  environment: string;
  /** The run's approval log now. */
  log: readonly Approval[];
  /** The log as the prepare job recorded it. */
  baseline: readonly Approval[];
  /** What earlier promote attempts of this release used. */
  consumed: readonly Approval[];
  /** Who started the run, and who started this attempt of it. */
  actor: string | null;
  triggeringActor: string | null;
  forbidSelfApproval: boolean;
}

export interface Approver {
  user: string;
  comment: string;
}

/** When approved, `fresh` is this environment's part of the log that this attempt used: record it as consumed. */
export type ApprovalVerdict =
  | { approved: true; approvers: Approver[]; fresh: Approval[] }
  | { approved: false; reason: string };

/** GitHub treats environment names and logins case-insensitively. */
function sameName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

function keyOf(approval: Approval): string {
  const environments = [...new Set(approval.environments.map(e => e.toLowerCase()))].sort();
  return JSON.stringify([environments, approval.user.toLowerCase(), approval.state, approval.comment]);
}

/**
 * Splits the log into entries already seen and fresh ones, as multisets: each
 * seen entry cancels one equal log entry, so the same reviewer approving with
 * the same words on two attempts still counts once per attempt.
 */
function splitLog(log: readonly Approval[], seen: readonly Approval[]): { fresh: Approval[]; stale: Approval[] } {
  const remaining = new Map<string, number>();
  for (const approval of seen) {
    const key = keyOf(approval);
    remaining.set(key, (remaining.get(key) ?? 0) + 1);
  }
  const fresh: Approval[] = [];
  const stale: Approval[] = [];
  for (const approval of log) {
    const key = keyOf(approval);
    const left = remaining.get(key) ?? 0;
    if (left > 0) {
      remaining.set(key, left - 1);
      stale.push(approval);
    } else {
      fresh.push(approval);
    }
  }
  return { fresh, stale };
}

function listOf(items: readonly string[]): string {
  const unique = [...new Set(items)];
  return unique.length <= 1 ? unique.join('') : `${unique.slice(0, -1).join(', ')} and ${unique[unique.length - 1]}`;
}

function withComment(approval: Approval): string {
  return approval.comment.trim() ? `${approval.user} ("${approval.comment.trim()}")` : `${approval.user} (no comment)`;
}

export function judgeApprovals(facts: ApprovalFacts): ApprovalVerdict {
  const env = facts.environment;
  const forThisEnvironment = (a: Approval) => a.environments.some(e => sameName(e, env));
  const { fresh, stale } = splitLog(facts.log, [...facts.baseline, ...facts.consumed]);
  const here = fresh.filter(forThisEnvironment);

  // GitHub stops the job on a rejection, so one seen here came from an earlier
  // attempt; a re-run approved by someone else must not override it.
  const rejections = here.filter(a => a.state === 'rejected');
  if (rejections.length > 0) {
    return refuse(
      `${listOf(rejections.map(withComment))} rejected the promotion to ${env}. A rejection stands for the whole run: address it, then start a new run of the workflow.`
    );
  }

  const approvals = here.filter(a => a.state === 'approved');
  const starters = facts.forbidSelfApproval ? startersOf(facts) : new Map<string, string>();
  const starterRole = (user: string) => [...starters].find(([login]) => sameName(login, user))?.[1];
  const counting = approvals.filter(a => starterRole(a.user) === undefined);
  if (counting.length > 0) {
    return { approved: true, approvers: counting.map(a => ({ user: a.user, comment: a.comment })), fresh: here };
  }

  if (approvals.length > 0) {
    const selves = [...new Map(approvals.map(a => [a.user.toLowerCase(), `${a.user}, ${starterRole(a.user)}`])).values()].join(', and ');
    return refuse(
      `The promotion to ${env} was approved only by ${selves}; forbid-self-approval needs another reviewer. Re-run the promote job and have another required reviewer approve it.`
    );
  }

  const earlier = stale.filter(a => forThisEnvironment(a) && a.state === 'approved').map(a => a.user);
  if (earlier.length > 0) {
    const [subject, verb] = new Set(earlier).size === 1 ? ['approval', 'belongs to an earlier attempt'] : ['approvals', 'belong to earlier attempts'];
    return refuse(
      `The ${subject} by ${listOf(earlier)} ${verb}; a re-run needs a new approval. Re-run the promote job and have a required reviewer of ${env} approve it.`
    );
  }

  return refuse(
    `No reviewer approved the promotion to ${env} in this attempt. Give the environment ${env} required reviewers (or use approval by issue comment), then re-run the promote job.`
  );
}

/** Who started the run and who started this attempt, each with how to name them. */
function startersOf(facts: ApprovalFacts): Map<string, string> {
  const starters = new Map<string, string>();
  if (facts.actor) starters.set(facts.actor, 'who started this run');
  if (facts.triggeringActor && !(facts.actor && sameName(facts.actor, facts.triggeringActor))) {
    starters.set(facts.triggeringActor, 'who started this attempt');
  }
  return starters;
}

function refuse(reason: string): ApprovalVerdict {
  return { approved: false, reason };
}

/*
 * The fallback for plans without environment reviewers: a reviewer answers on
 * an issue with `/approve [reason]` or `/deny [reason]` as the first line.
 */
export type IssueAnswer = 'approve' | 'deny';

export interface IssueComment {
  id: number;
  user: string;
  body: string;
  /** Resolved by the caller: a listed user or a member of a listed team. */
  allowed: boolean;
}

export interface IssueDecision {
  answer: IssueAnswer;
  user: string;
  reason: string;
  commentId: number;
}

export interface IssueOptions {
  /** The release's author(s) when forbid-self-approval is on. */
  forbidden: readonly string[];
}

const COMMAND = /^\/(approve|deny)(?:\s+(.*))?$/i;

/** Only a command at the start of the first non-empty line counts, so "approved" or a quoted "> /approve" never does. */
export function parseApprovalComment(body: string): { answer: IssueAnswer; reason: string } | null {
  const first = body.split(/\r?\n/).find(line => line.trim() !== '');
  const match = first === undefined ? null : COMMAND.exec(first.trim());
  if (!match) return null;
  return { answer: (match[1] ?? '').toLowerCase() as IssueAnswer, reason: (match[2] ?? '').trim() };
}

/** Why an answer in `comment` does not count, or null when it does; for the log. */
export function whyIgnored(comment: IssueComment, options: IssueOptions): string | null {
  if (options.forbidden.some(user => sameName(user, comment.user))) {
    return `${comment.user} started this release; forbid-self-approval needs another reviewer`;
  }
  if (!comment.allowed) return `${comment.user} is not one of the allowed approvers`;
  return null;
}

/** The first counting answer decides; null while there is none. */
export function judgeIssueComments(comments: readonly IssueComment[], options: IssueOptions): IssueDecision | null {
  for (const comment of comments) {
    const parsed = parseApprovalComment(comment.body);
    if (parsed && whyIgnored(comment, options) === null) {
      return { ...parsed, user: comment.user, commentId: comment.id };
    }
  }
  return null;
}
