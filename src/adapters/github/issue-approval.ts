import { judgeIssueComments, type IssueComment } from '../../core/approval.js';
import { ReleaseError } from '../../shared/errors.js';
import { AbortedError, poll, WaitTimeoutError } from '../../shared/io/wait.js';
import type { Logger } from '../../shared/logging/logger.js';
import { cleanOutsideText } from '../../shared/logging/outside-text.js';
import type { GitHubClient } from './client.js';
import type { GitHubRun } from './environment.js';
import { gitHubRead } from './requests.js';

/** An approval's reason as logs and the summary quote it; GitHub keeps the whole comment. */
const REASON_MAX = 500;

/**
 * An approver's login and reason as logs, outputs and the summary show them, whichever way the
 * approval came: anyone's text, each one line, the reason cut at REASON_MAX.
 */
export function shownApproval(user: string, reason: string): { user: string; reason: string } {
  return { user: cleanOutsideText(user), reason: cleanOutsideText(reason, { max: REASON_MAX }) };
}

/** Polled at most this often; with ETags an unchanged answer costs no rate limit. */
const MAX_POLL_MS = 15_000;

export interface IssueApprovalRequest {
  title: string;
  body: string;
  /** Logins, or `org/team` whose members may answer. */
  approvers: readonly string[];
  /** Logins whose answer never counts (the release's author, with forbid-self-approval). */
  forbidden: readonly string[];
  timeoutMs: number;
  logger: Logger;
  pause: (ms: number) => Promise<void>;
  /** Set when the job is cancelled: the issue is closed before the step ends. */
  signal?: AbortSignal;
}

export interface IssueApprovalResult {
  approved: boolean;
  user: string | null;
  reason: string;
  issueUrl: string;
}

/**
 * The approval gate for plans without environment reviewers: an issue that
 * describes the release, answered by `/approve` or `/deny` from an allowed
 * user. No answer in time counts as a denial, and the issue is closed with the
 * result whatever happens, so none is left open behind the step.
 */
export async function approveByIssue(gh: GitHubClient, run: GitHubRun, request: IssueApprovalRequest): Promise<IssueApprovalResult> {
  if (request.approvers.length === 0) {
    throw new ReleaseError('approval: issue needs approvers: the GitHub logins or org/team names whose /approve counts.');
  }
  const repo = { owner: run.owner, repo: run.repo };
  const { data: issue } = await gitHubRead('open the approval issue', 'issues: write', () => gh.rest.issues.create({ ...repo, title: request.title, body: request.body }));
  request.logger.info(`waiting up to ${Math.round(request.timeoutMs / 1000)} s for /approve or /deny on ${issue.html_url}`);
  let result: IssueApprovalResult = { approved: false, user: null, reason: 'no answer in time: counted as a denial', issueUrl: issue.html_url };
  try {
    const answer = await waitForAnswer(gh, run, issue.number, request);
    if (answer) {
      // The login and the reason are anyone's text: they go on to logs, the summary, outputs and the closing comment.
      result = { approved: answer.answer === 'approve', ...shownApproval(answer.user, answer.reason), issueUrl: issue.html_url };
    } else if (request.signal?.aborted) {
      result = { ...result, reason: 'the job was cancelled before an answer' };
    }
  } catch (error) {
    result = { ...result, reason: `the step failed while waiting: ${(error as Error).message}` };
    throw error;
  } finally {
    await gh.rest.issues.createComment({ ...repo, issue_number: issue.number, body: `${closingLine(result)} Closed by cutover.` });
    await gh.rest.issues.update({ ...repo, issue_number: issue.number, state: 'closed', state_reason: result.approved ? 'completed' : 'not_planned' });
  }
  return result;
}

function closingLine(result: IssueApprovalResult): string {
  const why = result.reason ? `: ${result.reason}` : '';
  if (result.approved) return `Approved by @${result.user}${why}.`;
  return result.user ? `Denied by @${result.user}${why}.` : `Not approved${why}.`;
}

/** The first allowed answer on the issue; null when none came in time or the job was cancelled. */
async function waitForAnswer(gh: GitHubClient, run: GitHubRun, issueNumber: number, request: IssueApprovalRequest) {
  const members = new TeamMembers(gh, request.approvers);
  const reader = new IssueComments(gh, run, issueNumber);
  const answer = async () => {
    const all = await reader.read();
    if (!all) return null;
    const comments: IssueComment[] = [];
    for (const comment of all) comments.push({ ...comment, allowed: await members.allowed(comment.user) });
    return judgeIssueComments(comments, { forbidden: request.forbidden });
  };
  try {
    const { result } = await poll(answer, {
      what: `an answer on issue #${issueNumber}`,
      done: found => found !== null,
      timeoutMs: request.timeoutMs,
      intervalMs: Math.max(100, Math.min(MAX_POLL_MS, Math.floor(request.timeoutMs / 20))),
      signal: request.signal,
      clock: { now: () => Date.now(), sleep: ms => request.pause(ms) }
    });
    return result;
  } catch (error) {
    if (error instanceof WaitTimeoutError || (error instanceof AbortedError && request.signal?.aborted)) return null;
    throw error;
  }
}

/** GitHub's most comments on one page. */
const PER_PAGE = 100;
/**
 * A poll asks again for comments updated this long before the newest one it has: `since`
 * has whole seconds, and a comment saved around the same time may show up a little late.
 */
const SINCE_OVERLAP_MS = 60_000;

type Comment = Omit<IssueComment, 'allowed'>;
type Etag = { since: string | undefined; value: string };

/**
 * Every comment of the approval issue, read page by page. The first read takes all
 * pages; later reads ask only for comments updated `since` shortly before the newest
 * one seen (an edited comment comes back too), and send the ETag of an answer that
 * fit on one page, so an unchanged issue costs no rate limit.
 */
class IssueComments {
  private readonly seen = new Map<number, Comment>();
  private since: string | undefined;
  /** The ETag of the last answer, when it was one page that was not full, for the same `since`. */
  private etag: Etag | undefined;

  constructor(
    private readonly gh: GitHubClient,
    private readonly run: GitHubRun,
    private readonly issueNumber: number
  ) {}

  /** All comments, oldest first; null when nothing changed since the last read. */
  async read(): Promise<Comment[] | null> {
    const since = this.since;
    const etag = this.etag && this.etag.since === since ? this.etag.value : undefined;
    const parameters = {
      owner: this.run.owner,
      repo: this.run.repo,
      issue_number: this.issueNumber,
      per_page: PER_PAGE,
      ...(since ? { since } : {}),
      headers: etag ? { 'if-none-match': etag } : {}
    };
    let pages = 0;
    let newest = Number.NEGATIVE_INFINITY;
    let kept: Etag | undefined;
    try {
      for await (const page of this.gh.paginate.iterator(this.gh.rest.issues.listComments, parameters)) {
        // A full first page may gain a second one while it stays the same: only a short single page vouches for all.
        if (++pages === 1 && !page.headers.link && page.data.length < PER_PAGE && page.headers.etag) kept = { since, value: page.headers.etag };
        for (const comment of page.data) {
          this.seen.set(comment.id, { id: comment.id, user: comment.user?.login ?? '', body: comment.body ?? '' });
          newest = Math.max(newest, Date.parse(comment.updated_at));
        }
      }
    } catch (error) {
      if ((error as { status?: number }).status !== 304) throw error;
      return null;
    }
    this.etag = kept;
    if (Number.isFinite(newest)) {
      const from = new Date(newest - SINCE_OVERLAP_MS).toISOString().replace(/\.\d{3}Z$/, 'Z');
      // Never backwards: an answer of older comments only (re-read in the overlap) keeps the window.
      if (!this.since || from > this.since) this.since = from;
    }
    return [...this.seen.values()].sort((a, b) => a.id - b.id);
  }
}

/** Who may answer: listed logins directly, `org/team` entries through one membership lookup per commenter. */
class TeamMembers {
  private readonly logins: Set<string>;
  private readonly teams: { org: string; team: string }[];
  private readonly known = new Map<string, boolean>();

  constructor(
    private readonly gh: GitHubClient,
    approvers: readonly string[]
  ) {
    this.logins = new Set(approvers.filter(a => !a.includes('/')).map(a => a.replace(/^@/, '').toLowerCase()));
    this.teams = approvers.filter(a => a.includes('/')).map(a => {
      const [org = '', team = ''] = a.replace(/^@/, '').split('/');
      return { org, team };
    });
  }

  async allowed(login: string): Promise<boolean> {
    const key = login.toLowerCase();
    if (this.logins.has(key)) return true;
    const cached = this.known.get(key);
    if (cached !== undefined) return cached;
    let member = false;
    for (const { org, team } of this.teams) {
      try {
        const { data } = await this.gh.rest.teams.getMembershipForUserInOrg({ org, team_slug: team, username: login });
        member = data.state === 'active';
      } catch (error) {
        if ((error as { status?: number }).status !== 404) throw error;
      }
      if (member) break;
    }
    this.known.set(key, member);
    return member;
  }
}
