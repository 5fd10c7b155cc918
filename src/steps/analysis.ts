import { serverColors } from '../config/schema.js';
import { COLORS, type Color } from '../core/color.js';
import { comparesColors, type SourcedCheck } from '../core/checks.js';
import { type IntervalVerdict, judgeSourcedInterval } from '../core/interval-verdict.js';
import type { ColorMeasurement, IntervalMeasurement, Role } from '../core/measurement.js';
import type { Weights } from '../core/weights.js';
import type { AnalysisSettings } from '../config/schema.js';
import type { AnalysisSource } from '../adapters/probes/source.js';
import type { StepContext } from './context.js';

/** An interval's verdict, and the error rate per color for the summary's chart. */
export interface MeasuredInterval {
  verdict: IntervalVerdict;
  errorRate: Record<Color, number | null>;
}

export interface IntervalRequest {
  roles: Record<Role, Color>;
  weights: Weights;
  checks: readonly SourcedCheck[];
  signal: AbortSignal;
}

/**
 * The analysis of one promotion: its sources, created before any traffic
 * moves so that a bad setting refuses the step with nothing changed, and
 * measured together over each interval.
 */
export class Analysis {
  private constructor(
    readonly settings: AnalysisSettings,
    private readonly sources: ReadonlyMap<string, AnalysisSource>
  ) {}

  static open(context: StepContext, settings: AnalysisSettings): Analysis {
    const sources = new Map<string, AnalysisSource>();
    for (const [name, options] of Object.entries(settings.sources)) {
      sources.set(
        name,
        context.sources(options, { name, colors: serverColors(context.config), router: context.router, baseDir: context.baseDir, logger: context.logger, secrets: context.secrets, env: context.env })
      );
    }
    return new Analysis(settings, sources);
  }

  /** The checks that can judge a step: comparisons need traffic on the old color, which the last step leaves with none. */
  checksAt(oldShare: number): SourcedCheck[] {
    return this.settings.checks.filter(({ check }) => oldShare > 0 || !comparesColors(check));
  }

  /** Measures one interval with the sources the checks read, all over the same window, and judges it. */
  async interval(request: IntervalRequest): Promise<MeasuredInterval> {
    const names = [...new Set(request.checks.map(c => c.source))];
    const start = new Date();
    const window = { roles: request.roles, weights: request.weights, durationMs: this.settings.interval, signal: request.signal };
    const measured = await Promise.all(names.map(async name => [name, await (this.sources.get(name) as AnalysisSource).measure(window)] as const));
    const end = new Date();
    const measurements = new Map<string, Pick<IntervalMeasurement, 'new' | 'old'>>(measured);
    const verdict = judgeSourcedInterval(request.checks, measurements, start, end);
    return { verdict, errorRate: errorRateOf(measured.map(([, m]) => m), request.roles) };
  }

  async close(): Promise<void> {
    await Promise.allSettled([...this.sources.values()].map(source => source.close()));
  }
}

/** The error rate per color from the first source that counted requests, in the order the sources are configured. */
function errorRateOf(measurements: readonly Record<Role, ColorMeasurement>[], roles: Record<Role, Color>): Record<Color, number | null> {
  const rate = (m: ColorMeasurement | undefined) => (m?.kind === 'measured' && m.requests > 0 ? m.errors / m.requests : null);
  const counted = measurements.find(m => rate(m.new) !== null || rate(m.old) !== null);
  const byColor = {} as Record<Color, number | null>;
  for (const color of COLORS) byColor[color] = rate(counted?.[color === roles.new ? 'new' : 'old']);
  return byColor;
}
