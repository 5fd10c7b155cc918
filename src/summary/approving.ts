import { formatDuration } from '../shared/duration.js';
import { code, link, shorten, text } from './markdown.js';
import type { PlannedStatement, PromotionPlan, ReleaseReport, Risk } from './report.js';
import type { PlannedCall } from '../core/planned-call.js';

/** A call as it reads in Solidity, its arguments named: `upgradeToAndCall(newImplementation = 0x…, data = initializeV2(fee = 25))`. */
export function callText(call: PlannedCall): string {
  const args = call.args.map(arg => {
    const value = call.initializer && arg.type === 'bytes' ? `${call.initializer.signature.replace(/\(.*$/, '')}(${call.initializer.args.map(a => `${a.name || a.type} = ${a.value}`).join(', ')})` : arg.value;
    return `${arg.name || arg.type} = ${value}`;
  });
  return `${call.function}(${args.join(', ')})`;
}

function stepsLine(report: ReleaseReport, plan: PromotionPlan): string {
  const to = report.to.color;
  if (plan.call) {
    const sender = plan.call.from ? ` from ${code(plan.call.from)}` : '';
    const verb = plan.call.mode === 'propose' ? `Write a Safe proposal${sender} for the owners to execute: ` : `Send${sender}: `;
    return `${verb}${code(callText(plan.call))} to ${code(plan.call.to)}. Nothing else is sent.`;
  }
  if (plan.steps.length <= 1) return `Switch all traffic from ${report.from.color} to ${to} at once.`;
  return `Move traffic to ${to} in ${plan.steps.length} steps, ${plan.steps.map(s => `${s}%`).join(' → ')}, holding each at least ${formatDuration(plan.pauseMs)}.`;
}

/** The numbered list of what the promote step does once approved. */
export function approvingWill(report: ReleaseReport): string | null {
  const plan = report.plan;
  if (!plan) return null;
  const items: string[] = [];
  const before = [
    plan.healthUrl ? `that ${report.to.color} is healthy at ${link(plan.healthUrl)}` : null,
    plan.database ? 'that expand and migrate are done, re-checking the rows they backfilled' : null
  ].filter((part): part is string => part !== null);
  if (before.length) items.push(`Check ${before.join(', and ')}.`);
  items.push(stepsLine(report, plan));
  if (plan.analysis) {
    const a = plan.analysis;
    items.push(
      [
        `At each step, every ${formatDuration(a.intervalMs)}, check:`,
        ...plan.checks.map(check => `   - ${text(check)}`),
        '',
        `   A step fails after ${a.failuresAllowed + 1} failed interval${a.failuresAllowed ? 's' : ''}; an interval without enough data ${text(a.inconclusive)}.`
      ].join('\n')
    );
    items.push(
      a.dryRun
        ? 'Dry run: a failed step is reported and **not** rolled back.'
        : `Roll back automatically to the snapshot (${report.from.color} 100%) as soon as a step fails.`
    );
  }
  return ['### Approving will', '', ...items.map((item, i) => `${i + 1}. ${item}`)].join('\n');
}

const ACCESS_EXCLUSIVE = /ACCESS EXCLUSIVE/i;
const DROPS = /\bDROP\s+(?:COLUMN|TABLE|CONSTRAINT|INDEX|TYPE|VIEW|FUNCTION|TRIGGER|SCHEMA|SEQUENCE)\b|\bALTER\s+TABLE\b[\s\S]*\bDROP\b/i;

/** The plan's statements a reviewer must weigh: locks that stop traffic, and what contract takes away for good; one risk per migration and kind. */
export function planRisks(plan: readonly PlannedStatement[]): Risk[] {
  const risks = new Map<string, Risk>();
  const add = (key: string, text: string, statement: string) => {
    const risk = risks.get(key) ?? { text, subjects: [] };
    risk.subjects?.push(statement);
    risks.set(key, risk);
  };
  for (const row of plan) {
    if (row.status === 'applied') continue;
    if (row.phase === 'contract' && DROPS.test(row.statement)) {
      add(`drop ${row.migration}`, `contract of ${row.migration} drops what the old version needs: no rollback after this`, row.statement);
    } else if (ACCESS_EXCLUSIVE.test(row.lock)) {
      add(`lock ${row.migration} ${row.phase}`, `${row.phase} of ${row.migration} takes ACCESS EXCLUSIVE, which blocks every read and write of the table while it holds it`, row.statement);
    }
  }
  return [...risks.values()];
}

export function risksSection(risks: readonly Risk[] | undefined): string | null {
  if (!risks) return null;
  if (risks.length === 0) return '### Risks\n\nNone flagged.';
  const item = (risk: Risk) => `- ⚠ ${text(risk.text)}${risk.subjects?.length ? `: ${risk.subjects.map(s => code(shorten(s, 160))).join(', ')}` : ''}`;
  return ['### Risks', '', ...risks.map(item)].join('\n');
}
