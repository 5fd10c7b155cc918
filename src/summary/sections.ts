import type { Color } from '../core/color.js';
import { explorerLinks, shortHex } from './explorer.js';
import { code, details, fenced, link, quoted, shorten, table, text } from './markdown.js';
import type { PlannedStatement, ReleaseReport } from './report.js';

const OUTCOME: Record<ReleaseReport['outcome'], string> = {
  done: '✅ done',
  'already-done': '☑️ already done, nothing changed',
  proposed: '📝 proposed, waiting for its signers; nothing changed yet',
  failed: '❌ failed'
};

const CAUSE: Record<NonNullable<ReleaseReport['error']>['cause'], string> = {
  unchanged: 'refused before changing anything',
  'back-on-snapshot': 'traffic is back as the snapshot recorded',
  'fix-forward': 'contract ran: the way back is gone',
  soaking: 'contract is not allowed yet; rollback is still safe',
  drifted: 'someone else changed what this release depends on',
  resumable: 'stopped part way; it resumes',
  'traffic-moved': 'traffic is left between the colors',
  'not-approved': 'no approval; nothing changed'
};

/** `1.0.0 (blue, live)`: a side of the release, marked live when it serves all traffic now. */
function side(report: ReleaseReport, which: 'from' | 'to'): string {
  const { color, version } = report[which];
  const now = report.colors?.find(c => c.color === color);
  const role = now ? (now.role === 'idle' ? '' : `, ${now.role}`) : which === 'from' ? ', live at the snapshot' : '';
  return `${version ? `${text(version)} ` : ''}(${color}${role})`;
}

export function headline(report: ReleaseReport): string {
  return `## ${text(report.service)} ${side(report, 'from')} → ${side(report, 'to')}`;
}

export function stepLine(report: ReleaseReport): string {
  return `**cutover ${report.step}** in ${code(report.environment)}: ${OUTCOME[report.outcome]}`;
}

export function failure(report: ReleaseReport): string | null {
  const error = report.error;
  if (!error) return null;
  return ['### What went wrong', '', quoted(error.message), '', `**Cause:** ${CAUSE[error.cause]}.`, '', `**What to do next:** ${text(error.next)}`].join('\n');
}

export function colorsSection(report: ReleaseReport): string {
  if (!report.colors) return '### Colors\n\nThe router could not be read just now, so the split is not shown.';
  const rows = report.colors.map(row => [row.color, row.role, row.version ? code(row.version, true) : '—', `${row.weight}%`, row.health]);
  return ['### Colors', '', table(['Color', 'Role', 'Version', 'Traffic', 'Health'], rows), '', 'As the router and the health checks answered when this summary was written.'].join('\n');
}

export function preview(report: ReleaseReport): string | null {
  const shown = report.preview;
  if (!shown || (!shown.url && shown.smoke.length === 0)) return null;
  const lines = [`### Preview of ${report.to.color}`];
  if (shown.url) lines.push('', `${report.to.color} serves nobody yet; try it at ${link(shown.url)}.`);
  if (shown.smoke.length > 0) {
    const rows = shown.smoke.map(s => [code(s.command, true), s.passed ? '✅ passed' : '❌ failed', s.detail ? text(s.detail) : '']);
    lines.push('', table(['Smoke test', 'Result', 'Detail'], rows));
  }
  return lines.join('\n');
}

export function approversSection(report: ReleaseReport): string | null {
  if (!report.approvers?.length) return null;
  const items = report.approvers.map(a => `- **${text(a.user)}**${a.comment.trim() ? `: ${text(a.comment)}` : ' (no comment)'}`);
  return ['### Approved by', '', ...items].join('\n');
}

/** Long SQL is cut so the plan table stays readable; the full text is in the details and the migration files. */
const STATEMENT_MAX = 120;

export function databaseSection(report: ReleaseReport): string | null {
  const db = report.database;
  if (!db) return null;
  const lines = ['### Database', ''];
  if (db.problem) lines.push(`The migration history could not be read just now: ${text(db.problem)}`);
  else lines.push(`Schema version ${db.schemaVersion ? code(db.schemaVersion) : 'none recorded'}, from the migration history as it is now.`);
  if (db.contracted) {
    const { statements, forced } = db.contracted;
    lines.push('', statements.length ? '**Contract dropped** what the old version needed; there is no rollback past this:' : 'Contract had nothing to drop.');
    if (statements.length) lines.push('', table(['Migration', 'Statement', 'Lock'], statements.map(p => [code(p.migration, true), code(shorten(p.statement, STATEMENT_MAX), true), text(p.lock)])));
    if (forced) lines.push('', `Forced past its guard: ${text(forced)}`);
  }
  const planTable = (rows: readonly PlannedStatement[]) =>
    table(['Migration', 'Phase', 'Status', 'Statement', 'Lock'], rows.map(p => [code(p.migration, true), p.phase, p.status, code(shorten(p.statement, STATEMENT_MAX), true), text(p.lock)]));
  const ahead = db.plan.filter(p => p.status !== 'applied');
  const applied = db.plan.length - ahead.length;
  if (ahead.length) lines.push('', `Still to run${applied ? ` (${applied} statement${applied === 1 ? '' : 's'} of the plan already applied)` : ''}:`, '', planTable(ahead));
  else if (applied) lines.push('', `All ${applied} statements before contract are applied.`);
  // The whole plan, what ran included, for whoever checks it statement by statement.
  if (applied) lines.push('', details(`The whole plan (${db.plan.length} statements)`, planTable(db.plan)));
  return lines.join('\n');
}

/** `0x1234…abcd`, linked to the explorer when one is configured. */
function hex(report: ReleaseReport, value: string, kind: 'address' | 'tx'): string {
  const url = explorerLinks(report.router?.explorer)[kind](value);
  return url ? link(url, shortHex(value)) : code(shortHex(value), true);
}

export function contractProxySection(report: ReleaseReport): string | null {
  const router = report.router;
  if (!router) return null;
  const role = (color: Color) => report.colors?.find(c => c.color === color)?.role ?? '';
  const lines = [`### Contract proxy`, ''];
  lines.push(table(['Color', 'Role', 'Implementation'], [report.from.color, report.to.color].map(color => [color, role(color), hex(report, router.endpoints[color], 'address')])));
  if (router.checks.length) lines.push('', `Checked at deploy:`, '', ...router.checks.map(check => `- ${text(check)}`));
  if (router.diff.length) lines.push('', `Storage layout from ${report.from.color} to ${report.to.color}:`, '', fenced(router.diff.join('\n'), 'diff'));
  if (router.transactions.length) {
    const rows = router.transactions.map(t => [text(t.step), text(t.action), t.tx ? hex(report, t.tx, 'tx') : 'not sent', t.block === null ? '—' : String(t.block), text(t.note)]);
    lines.push('', table(['Step', 'Action', 'Transaction', 'Block', 'Note'], rows));
  }
  if (report.proposal) {
    lines.push('', `The proposal is in ${code(report.proposal)} on the runner (upload it as an artifact to hand it on). Once the Safe's owners executed it, run promote again: it records the upgrade as done. Until then nothing changed.`);
  }
  return lines.join('\n');
}

/** Digests, chain facts and full hashes: what an auditor checks and a reviewer rarely needs. */
export function detailsSection(report: ReleaseReport): string {
  const facts: [string, string][] = [['snapshot digest', report.digest], ...(report.router?.facts ?? [])];
  const lines = facts.map(([name, value]) => `- ${text(name)}: ${code(value)}`);
  const router = report.router;
  if (router) {
    lines.push(...[report.from.color, report.to.color].map(color => `- ${color} implementation: ${code(router.endpoints[color])}`));
    lines.push(...router.transactions.filter(t => t.tx).map(t => `- ${text(t.step)} ${text(t.action)} transaction: ${code(t.tx as string)}${t.target ? ` (target ${code(t.target)})` : ''}`));
  }
  const full = report.database?.plan.filter(p => p.statement.length > STATEMENT_MAX || /\n/.test(p.statement)) ?? [];
  const sql = full.length ? ['', 'Statements in full:', '', fenced(full.map(p => `-- ${p.migration} ${p.phase}\n${p.statement.trim()}`).join('\n\n'), 'sql')] : [];
  return details('Details', [...lines, ...sql].join('\n'));
}

export function links(report: ReleaseReport): string | null {
  const parts = [report.links.run ? link(report.links.run, 'this run') : null, report.links.deployment ? link(report.links.deployment, `deployments to ${report.environment}`) : null].filter(
    (p): p is string => p !== null
  );
  return parts.length > 0 ? `See ${parts.join(' · ')}.` : null;
}
