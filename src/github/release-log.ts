import type { Phase } from '../core/release.js';
import type { HistoryEntry } from '../store/release-store.js';

/** GitHub cuts a deployment status description at 140 characters. */
export const DESCRIPTION_MAX = 140;

export type LogStep = HistoryEntry['step'];
export type LogOutcome = 'started' | 'done' | 'already done' | 'proposed' | 'failed';

/** What one deployment status says about a step: `cutover promote: done; approved by alice`. */
export interface LogLine {
  step: LogStep;
  outcome: LogOutcome;
  detail: string;
}

const STEPS: readonly LogStep[] = ['snapshot', 'deploy', 'expand', 'migrate', 'promote', 'rollback', 'contract'];
const LINE = /^cutover (\w+): (started|done|already done|proposed|failed)(?:; (.*))?$/s;

export function formatLogLine(line: LogLine): string {
  const text = `cutover ${line.step}: ${line.outcome}${line.detail ? `; ${line.detail}` : ''}`;
  return text.length <= DESCRIPTION_MAX ? text : `${text.slice(0, DESCRIPTION_MAX - 1)}…`;
}

export function parseLogLine(description: string | null | undefined): LogLine | null {
  const match = LINE.exec(description ?? '');
  if (!match || !STEPS.includes(match[1] as LogStep)) return null;
  return { step: match[1] as LogStep, outcome: match[2] as LogOutcome, detail: match[3] ?? '' };
}

const PHASE_OF: Partial<Record<LogStep, Phase>> = {
  snapshot: 'snapshotted',
  deploy: 'deployed',
  promote: 'promoted',
  rollback: 'rolled-back',
  contract: 'contracted'
};

export interface StatusLine {
  line: LogLine;
  at: string;
}

/**
 * The phase and history of a release, rebuilt from its deployment statuses (oldest first). A
 * contract that started is kept: rollback must know that it may have dropped what the old version needs.
 */
export function historyOf(lines: readonly StatusLine[]): { phase: Phase | undefined; history: HistoryEntry[] } {
  let phase: Phase | undefined;
  const history: HistoryEntry[] = [];
  for (const { line, at } of lines) {
    if (line.outcome === 'proposed' || (line.outcome === 'started' && line.step === 'contract')) {
      history.push({ step: line.step, at, outcome: line.outcome, detail: line.detail });
      continue;
    }
    if (line.outcome !== 'done' && line.outcome !== 'already done') continue;
    phase = PHASE_OF[line.step] ?? phase;
    history.push({ step: line.step, at, outcome: line.outcome === 'done' ? 'done' : 'already-done', detail: line.detail });
  }
  return { phase, history };
}

/** Logins named by `approved by a, b` when a promote attempt accepted them: approvals used up. */
export function approversRecorded(lines: readonly StatusLine[]): string[] {
  return lines.flatMap(({ line }) => {
    if (line.step !== 'promote' || line.outcome !== 'started') return [];
    const match = /approved by ([^;]+)/.exec(line.detail);
    return match?.[1] ? match[1].split(',').map(login => login.trim().replace(/…$/, '')).filter(Boolean) : [];
  });
}

/** Deployment ids named by `replaced #12 #13` in the promote lines: what a rollback makes live again. */
export function replacedRecorded(lines: readonly StatusLine[]): number[] {
  return lines.flatMap(({ line }) => {
    if (line.step !== 'promote') return [];
    const match = /replaced ((?:#\d+ ?)+)/.exec(line.detail);
    return match?.[1] ? [...match[1].matchAll(/#(\d+)/g)].map(m => Number(m[1])) : [];
  });
}

/**
 * Why a record file cannot be what its release's deployment records, or null when they agree. The
 * phase the file claims must be one the statuses record reaching: the step that leads there done,
 * or started with no outcome yet (killed after it saved the file, before it wrote its status). And
 * a contract the statuses record done must be in the file too: a file restored from before it would
 * let rollback pass.
 */
export function disagreement(phase: Phase | undefined, lines: readonly StatusLine[]): string | null {
  const reached = (line: LogLine): boolean => line.outcome === 'done' || line.outcome === 'already done';
  const shown = lines.slice(-6).map(({ line }) => `${line.step} ${line.outcome}`).join(', ') || 'none';
  if (phase) {
    const step = STEPS.find(s => PHASE_OF[s] === phase);
    const ofStep = lines.filter(({ line }) => line.step === step).map(({ line }) => line);
    if (!ofStep.some(reached) && ofStep.at(-1)?.outcome !== 'started') {
      return `the file says the release is ${phase}, but the deployment's statuses record no ${step} done (latest: ${shown})`;
    }
  }
  const contract = lines.find(({ line }) => line.step === 'contract' && reached(line));
  if (contract && phase !== 'contracted') {
    return `the deployment records contract ${contract.line.outcome} at ${contract.at}, but the file says the release is ${phase ?? 'of unknown phase'}`;
  }
  return null;
}
