import { type Color, COLORS, otherColor } from '../../core/color.js';
import type { Phase } from '../../core/release.js';
import type { StepRecord, TrafficPoint } from '../../core/timeline.js';
import { weightsAtStep } from '../../core/traffic-steps.js';
import { formatDuration, parseDuration } from '../../shared/duration.js';
import type { HistoryEntry } from '../store/release-store.js';

/** GitHub cuts a deployment status description at 140 characters. */
export const DESCRIPTION_MAX = 140;

export type LogStep = HistoryEntry['step'];
/** `step`: a traffic step's verdict during promote (verdictLine); it moves no phase. */
export type LogOutcome = 'started' | 'done' | 'already done' | 'proposed' | 'failed' | 'step';

/** What one deployment status says about a step: `cutover promote: done; approved by alice`. */
export interface LogLine {
  step: LogStep;
  outcome: LogOutcome;
  detail: string;
}

const STEPS: readonly LogStep[] = ['snapshot', 'deploy', 'expand', 'migrate', 'promote', 'rollback', 'contract'];
const LINE = /^cutover (\w+): (started|done|already done|proposed|failed|step)(?:; (.*))?$/s;

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
  // Verdicts are written while promote runs: a promote killed after it saved the file is still `started`.
  const outcomes = lines.filter(({ line }) => line.outcome !== 'step');
  const shown = outcomes.slice(-6).map(({ line }) => `${line.step} ${line.outcome}`).join(', ') || 'none';
  if (phase) {
    const step = STEPS.find(s => PHASE_OF[s] === phase);
    const ofStep = outcomes.filter(({ line }) => line.step === step).map(({ line }) => line);
    if (!ofStep.some(reached) && ofStep.at(-1)?.outcome !== 'started') {
      return `the file says the release is ${phase}, but the deployment's statuses record no ${step} done (latest: ${shown})`;
    }
  }
  const contract = outcomes.find(({ line }) => line.step === 'contract' && reached(line));
  if (contract && phase !== 'contracted') {
    return `the deployment records contract ${contract.line.outcome} at ${contract.at}, but the file says the release is ${phase ?? 'of unknown phase'}`;
  }
  return null;
}

/**
 * A traffic step's verdict as a status line, with the error rates of its last interval (new color
 * first): `cutover promote: step; 2 at 25% pass in 1m5s; errors green 0.12% blue 0.05%`, `(dry run)`
 * after the outcome when it rolled nothing back, `-` for a color without requests, no `errors` part
 * when nothing was measured. A later job rebuilds the canary's story from these (storyOf).
 */
export function verdictLine(verdict: StepRecord, point: TrafficPoint, newColor: Color): LogLine {
  const errorRate = point.errorRate;
  const errors = errorRate ? `; errors ${[newColor, otherColor(newColor)].map(color => `${color} ${percentOf(errorRate[color])}`).join(' ')}` : '';
  const outcome = `${verdict.outcome}${verdict.dryRun ? ' (dry run)' : ''}`;
  return { step: 'promote', outcome: 'step', detail: `${verdict.step + 1} at ${verdict.percent}% ${outcome} in ${formatDuration(Number.isFinite(verdict.elapsedMs) && verdict.elapsedMs > 0 ? verdict.elapsedMs : 0)}${errors}` };
}

/** A ratio as a percent of 3 significant digits; `-` for none, or for what no ratio can be. */
function percentOf(rate: number | null): string {
  return rate === null || !Number.isFinite(rate) || rate < 0 ? '-' : `${Number((rate * 100).toPrecision(3))}%`;
}

const VERDICT = /^(\d+) at (\d+)% (pass|fail|inconclusive-fail)( \(dry run\))? in (?:(\d+)m)?(\d+(?:\.\d+)?(?:ms|s))(?:; errors (.+))?$/;
const RATE = /^(?:-|(\d+(?:\.\d+)?(?:e[+-]?\d+)?)%)$/;

/**
 * The canary's story in a release's statuses (oldest first): each step's verdict, and a point at
 * its split with the error rates of its last interval. Weights follow from the share and the
 * snapshot's live color. Lines that do not read as a verdict are left out, never fatal.
 */
export function storyOf(lines: readonly StatusLine[], live: Color): { traffic?: TrafficPoint[]; analysis?: StepRecord[] } {
  const verdicts = lines.flatMap(line => verdictOf(line, live) ?? []);
  if (verdicts.length === 0) return {};
  return { traffic: verdicts.map(v => v.point), analysis: verdicts.map(v => v.verdict) };
}

function verdictOf({ line, at }: StatusLine, live: Color): { verdict: StepRecord; point: TrafficPoint } | null {
  if (line.step !== 'promote' || line.outcome !== 'step') return null;
  const match = VERDICT.exec(line.detail);
  if (!match) return null;
  const [, n, share, outcome, dryRun, minutes, rest, errors] = match;
  const [step, percent, elapsed] = [Number(n), Number(share), Number(minutes ?? 0) * 60_000 + (parseDuration(rest as string) ?? Number.NaN)];
  if (!Number.isSafeInteger(step) || step < 1 || percent > 100 || !Number.isFinite(elapsed)) return null;
  const errorRate = errors === undefined ? undefined : ratesOf(errors);
  if (errorRate === null) return null;
  const verdict: StepRecord = {
    step: step - 1,
    percent,
    outcome: outcome as StepRecord['outcome'],
    dryRun: dryRun !== undefined,
    at,
    elapsedMs: elapsed,
    reason: formatLogLine(line),
    checks: []
  };
  const point: TrafficPoint = { label: `${percent}%`, at, weights: weightsAtStep([percent], 0, live), ...(errorRate ? { errorRate } : {}) };
  return { verdict, point };
}

/** `green 0.12% blue -`: each color at most once; null when the text is anything else. */
function ratesOf(text: string): Record<Color, number | null> | null {
  const words = text.split(' ');
  const rates: Record<Color, number | null> = { blue: null, green: null };
  const seen = new Set<string>();
  for (let i = 0; i < words.length; i += 2) {
    const [color, value] = [words[i], words[i + 1]];
    const match = RATE.exec(value ?? '');
    if (!COLORS.includes(color as Color) || seen.has(color as string) || !match) return null;
    seen.add(color as string);
    const rate = match[1] === undefined ? null : Number(match[1]) / 100;
    if (rate !== null && !Number.isFinite(rate)) return null;
    rates[color as Color] = rate;
  }
  return rates;
}
