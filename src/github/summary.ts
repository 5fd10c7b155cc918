import type { Color } from '../core/color.js';
import type { DatabaseStep } from '../core/release.js';
import type { StepRecord, TrafficPoint } from '../core/timeline.js';
import { cleanOutsideText } from '../logging/outside-text.js';
import { errorRateChart, trafficChart } from './traffic-chart.js';

/*
 * The job summary each step writes. The prepare job's summary is what
 * reviewers read before they approve, so it shows everything they need to
 * judge the release. Every value from outside (versions, comments, SQL, names)
 * is cleaned of control characters and escaped: it renders as text and can
 * never break a table or add markup.
 */

export interface ColorRow {
  version: string | null;
  weight: number;
  health: 'healthy' | 'unhealthy' | 'unknown';
}

export interface SmokeResult {
  command: string;
  passed: boolean;
  detail?: string;
}

export interface PlannedStatement {
  migration: string;
  phase: DatabaseStep;
  statement: string;
  lock: string;
}

/** Transactions and facts of a router whose colors are contract implementations (evm-proxy). */
export interface RouterReport {
  kind: string;
  /** Each color's endpoint (an implementation address). */
  endpoints: Record<Color, string>;
  /** What the router works on (the proxy, its kind, the chain), and what the snapshot saw (the block). */
  facts: [string, string][];
  /** What the deploy step checked about the idle color. */
  checks: string[];
  /** What changes from the live to the idle color, one line each (`+`, `-`, `~`). */
  diff: string[];
  transactions: { step: string; action: string; target: string; tx: string | null; block: number | null; note: string }[];
}

export interface ReleaseReport {
  /** snapshot, deploy, migrate (expand), migrate (migrate), promote, contract or rollback. */
  step: string;
  outcome: 'done' | 'already-done' | 'proposed' | 'failed';
  service: string;
  environment: string;
  /** The snapshot's digest, sha256:... */
  digest: string;
  live: Color;
  idle: Color;
  colors: Record<Color, ColorRow>;
  /** Where reviewers can try the idle color. */
  previewUrl?: string | null;
  smoke?: SmokeResult[];
  migrations?: { schemaVersion: string | null; applied: Record<DatabaseStep, string[]> };
  plan?: PlannedStatement[];
  approvers?: { user: string; comment: string }[];
  /** Traffic per color over time, oldest first, with the error rates analysis measured. */
  traffic: TrafficPoint[];
  /** Each traffic step's verdict, oldest first. */
  analysis?: StepRecord[];
  router?: RouterReport;
  deploymentUrl?: string | null;
  logUrl?: string | null;
  error?: { message: string; next: string } | null;
}

const OUTCOME: Record<ReleaseReport['outcome'], string> = {
  done: '✅ done',
  'already-done': '☑️ already done, nothing changed',
  proposed: '📝 proposed, waiting for its signers; nothing changed yet',
  failed: '❌ failed'
};

const PHASES: readonly DatabaseStep[] = ['expand', 'migrate', 'contract'];

/** Long SQL is cut so the plan table stays readable; the full text is in the migration files. */
const STATEMENT_MAX = 120;

export function renderSummary(report: ReleaseReport): string {
  const sections = [
    `## cutover ${text(report.step)}: ${text(report.service)} → ${text(report.environment)} — ${OUTCOME[report.outcome]}`,
    report.error ? failure(report.error) : null,
    colors(report),
    routerSection(report),
    preview(report),
    approvers(report),
    database(report),
    plan(report),
    analysis(report),
    report.traffic.length > 0 ? `### Traffic\n\n${trafficChart(report.traffic)}` : null,
    report.traffic.some(p => p.errorRate !== undefined) ? `### Error rate\n\n${errorRateChart(report.traffic)}` : null,
    links(report)
  ];
  return `${sections.filter((s): s is string => s !== null).join('\n\n')}\n`;
}

function failure(error: { message: string; next: string }): string {
  return ['### What went wrong', '', fenced(error.message, 'text'), '', `**What to do next:** ${text(error.next)}`].join('\n');
}

function colors(report: ReleaseReport): string {
  const rows = [report.live, report.idle].map(color => {
    const row = report.colors[color];
    return [color, color === report.live ? 'live' : 'idle', row.version ? code(row.version, true) : '—', `${row.weight}%`, row.health];
  });
  return ['### Colors', '', table(['Color', 'Role', 'Version', 'Traffic', 'Health'], rows), '', `Snapshot ${code(report.digest)}`].join('\n');
}

function routerSection(report: ReleaseReport): string | null {
  const router = report.router;
  if (!router) return null;
  const lines = [`### Router ${text(router.kind)}`, ''];
  lines.push(table(['Color', 'Role', 'Endpoint'], [report.live, report.idle].map(color => [color, color === report.live ? 'live' : 'idle', code(router.endpoints[color], true)])));
  if (router.facts.length) lines.push('', router.facts.map(([name, value]) => `${text(name)} ${code(value)}`).join(' · '));
  if (router.checks.length) lines.push('', `Checked at deploy:`, '', ...router.checks.map(check => `- ${text(check)}`));
  if (router.diff.length) lines.push('', `Changes from ${report.live} to ${report.idle}:`, '', fenced(router.diff.join('\n'), 'diff'));
  if (router.transactions.length) {
    const rows = router.transactions.map(t => [text(t.step), text(t.action), code(t.target, true), t.tx ? code(t.tx, true) : 'not sent', t.block === null ? '—' : String(t.block), text(t.note)]);
    lines.push('', table(['Step', 'Action', 'Target', 'Transaction', 'Block', 'Note'], rows));
  }
  return lines.join('\n');
}

function preview(report: ReleaseReport): string | null {
  const url = report.previewUrl ? link(report.previewUrl) : null;
  const smoke = report.smoke ?? [];
  if (!url && smoke.length === 0) return null;
  const lines = [`### Preview of ${report.idle}`];
  if (url) lines.push('', `The idle color ${report.idle} serves ${url} for review.`);
  if (smoke.length > 0) {
    const rows = smoke.map(s => [code(s.command, true), s.passed ? '✅ passed' : '❌ failed', s.detail ? text(s.detail) : '']);
    lines.push('', table(['Smoke test', 'Result', 'Detail'], rows));
  }
  return lines.join('\n');
}

function approvers(report: ReleaseReport): string | null {
  if (!report.approvers?.length) return null;
  const items = report.approvers.map(a => `- **${text(a.user)}**${a.comment.trim() ? `: ${text(a.comment)}` : ' (no comment)'}`);
  return ['### Approved by', '', ...items].join('\n');
}

function database(report: ReleaseReport): string | null {
  const migrations = report.migrations;
  if (!migrations) return null;
  const version = migrations.schemaVersion ? code(migrations.schemaVersion) : 'none recorded';
  const rows = PHASES.map(phase => {
    const ids = migrations.applied[phase];
    return [phase, ids.length > 0 ? ids.map(id => code(id, true)).join(', ') : 'none'];
  });
  return ['### Database', '', `Schema version: ${version}`, '', table(['Phase', 'Applied migrations'], rows)].join('\n');
}

function plan(report: ReleaseReport): string | null {
  if (!report.plan?.length) return null;
  const rows = report.plan.map(p => [code(p.migration, true), p.phase, code(shorten(p.statement), true), text(p.lock)]);
  return ['### Migration plan', '', table(['Migration', 'Phase', 'Statement', 'Lock'], rows)].join('\n');
}

const VERDICT: Record<StepRecord['outcome'], string> = {
  pass: '✅ passed',
  fail: '❌ failed',
  'inconclusive-fail': '❌ failed for lack of data'
};

function analysis(report: ReleaseReport): string | null {
  if (!report.analysis?.length) return null;
  const rows = report.analysis.map(step => [
    String(step.step + 1),
    `${step.percent}%`,
    `${VERDICT[step.outcome]}${step.dryRun && step.outcome !== 'pass' ? ' (dry run: not rolled back)' : ''}`,
    `${Math.round(step.elapsedMs / 1000)}s`,
    step.checks.map(c => `${text(c.name)} ${c.outcome}: ${text(c.detail)}`).join('<br>')
  ]);
  return ['### Analysis', '', table(['Step', 'New color', 'Verdict', 'Time', 'Checks (last interval)'], rows)].join('\n');
}

function links(report: ReleaseReport): string | null {
  const parts = [
    report.deploymentUrl ? `Deployment: ${link(report.deploymentUrl)}` : null,
    report.logUrl ? `Log: ${link(report.logUrl)}` : null
  ].filter((p): p is string => p !== null);
  return parts.length > 0 ? parts.join(' · ') : null;
}

function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

function flat(value: string): string {
  return cleanOutsideText(value.replace(/\s+/g, ' ').trim());
}

function shorten(value: string): string {
  const one = flat(value);
  return one.length > STATEMENT_MAX ? `${one.slice(0, STATEMENT_MAX - 1)}…` : one;
}

/** Outside text as inline markdown that renders literally, in a table cell or anywhere else. */
function text(value: string): string {
  return flat(value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]|~$]/g, '\\$&');
}

/**
 * Outside text as a code span: a fence longer than any backtick run inside, so
 * backticks cannot close it. In a table cell pipes are escaped too, because
 * GitHub splits cells before it reads code spans.
 */
function code(value: string, inTable = false): string {
  const one = flat(value);
  if (one === '') return '—';
  const longest = Math.max(0, ...(one.match(/`+/g) ?? []).map(run => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = one.startsWith('`') || one.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${inTable ? one.replace(/\|/g, '\\|') : one}${pad}${fence}`;
}

/** A block that keeps the message's lines as written; the fence is longer than any backtick run inside. */
function fenced(outside: string, info: string): string {
  const value = cleanOutsideText(outside, { multiline: true });
  const longest = Math.max(2, ...(value.match(/`+/g) ?? []).map(run => run.length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${info}\n${value.replace(/\s+$/, '')}\n${fence}`;
}

/**
 * An http(s) URL as a link, any other URL as code, each without the user or
 * password it may carry.
 */
function link(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return code(value);
  }
  url.username = '';
  url.password = '';
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return code(url.href);
  // The serialiser percent-encodes spaces and angle brackets, so nothing can leave the <...> destination.
  return `[${text(url.href)}](<${url.href}>)`;
}
