/**
 * The options every step takes, once for both front ends: the Action reads
 * them as inputs, the CLI as flags of the same name. Options with a
 * `configPath` replace that value of cutover.yml; the rest steer the step.
 * Tests check that each action.yml declares exactly these.
 */
import { BadInputError } from '../shared/errors.js';
import { cleanOutsideText, controlCharacterIn } from '../shared/logging/outside-text.js';
import { versionProblem } from '../adapters/probes/version.js';

export const STEPS = ['snapshot', 'deploy', 'migrate', 'promote', 'contract', 'rollback', 'drill'] as const;
export type StepName = (typeof STEPS)[number];

/** The runtime every action.yml declares; the bundle's entries refuse an older Node with a clear message. */
export const ACTION_RUNTIME = { using: 'node24', major: 24 } as const;

/** Steps that move traffic: their post step records where a cancelled run left it. */
export const POST_STEPS: readonly StepName[] = ['promote', 'rollback', 'drill'];

/** What each step does, in one sentence: its action's description and the head of its README table. */
export const STEP_TITLES: Record<StepName, string> = {
  snapshot: 'Record what is live (router state, versions) as a sealed snapshot with a sha256 digest.',
  deploy: 'Deploy to the idle color with your command, wait until it is healthy, run smoke checks. Never moves traffic.',
  migrate: 'Run a database phase: expand (additive schema both versions can live with) or migrate (batched, resumable backfill).',
  contract: 'Drop what only the old version used, once promotion succeeded, the old color serves nothing and the soak time passed.',
  promote: 'Move traffic to the new color, all at once or in canary steps, refusing if the router changed since the snapshot; roll back automatically when a step fails its checks.',
  rollback: 'Restore exactly the traffic split the snapshot recorded, refusing if someone else changed it.',
  drill: 'Rehearse an automatic rollback on a non-production environment: promote, fail the first step on purpose, and pass only if traffic is back where the snapshot recorded it.'
};

export interface StepOption {
  name: string;
  description: string;
  steps: readonly StepName[];
  /** `list`: one argument per line as an input, a JSON array as a flag. */
  kind: 'text' | 'list';
  configPath?: readonly string[];
  /** Default shown to users; applied by the step when the option is empty. */
  default?: string;
  /** Why a given value is refused, with what is expected instead; null when it is fine. */
  check?: (value: string) => string | null;
}

const AFTER_SNAPSHOT: readonly StepName[] = ['deploy', 'migrate', 'promote', 'contract', 'rollback', 'drill'];
const DATABASE_STEPS: readonly StepName[] = ['migrate', 'contract'];

export const STEP_OPTIONS: readonly StepOption[] = [
  { name: 'config', description: 'Path to the cutover.yml that describes the service.', steps: STEPS, kind: 'text', default: 'cutover.yml' },
  {
    name: 'environment',
    description: 'Environment name recorded in the snapshot. Overrides `environment` in cutover.yml.',
    steps: STEPS,
    kind: 'text',
    configPath: ['environment']
  },
  {
    name: 'snapshot-file',
    description:
      'File holding the release record (the snapshot, the phase and the history). The snapshot step writes it; later steps in the same job read it. Defaults to a file per service under the runner temp folder (Action) or `.cutover/` (CLI).',
    steps: STEPS,
    kind: 'text'
  },
  {
    name: 'snapshot',
    description: 'The `snapshot` output of the snapshot step, for a step in another job. Refused when its content does not match its digest.',
    steps: AFTER_SNAPSHOT,
    kind: 'text'
  },
  {
    name: 'digest',
    description: 'The `digest` output of the snapshot step. When set, any other snapshot is refused.',
    steps: AFTER_SNAPSHOT,
    kind: 'text'
  },
  {
    name: 'command',
    description: 'Deploy command for the idle color, one argument per line (never run through a shell). Overrides `deploy.command`.',
    steps: ['deploy'],
    kind: 'list',
    configPath: ['deploy', 'command']
  },
  {
    name: 'smoke-command',
    description: 'Smoke check run against the idle color once it is healthy, one argument per line. Overrides `deploy.smoke`.',
    steps: ['deploy'],
    kind: 'list',
    configPath: ['deploy', 'smoke']
  },
  {
    name: 'version',
    description: 'Version being deployed. Passed to the deploy command as CUTOVER_VERSION and checked against the version URL when one is configured.',
    steps: ['deploy'],
    kind: 'text',
    // It reaches the deploy command's environment, logs, outputs and the record: one line of printable text.
    check: version => {
      const problem = versionProblem(version);
      return problem && `${problem}; give the version as one line of printable text, like 2.0.0`;
    }
  },
  {
    name: 'phase',
    description: 'Which database phase to run: `expand` (additive schema changes both versions can live with) or `migrate` (the batched backfill). Run expand before migrate.',
    steps: ['migrate'],
    kind: 'text'
  },
  {
    name: 'migrations',
    description: 'Folder of migrations, each `<id>_<name>/` with expand.sql, migrate.sql or migrate.yml, and contract.sql. Overrides `database.migrations`.',
    steps: DATABASE_STEPS,
    kind: 'text',
    configPath: ['database', 'migrations']
  },
  {
    name: 'force',
    description:
      'contract: runs although its guard refuses (promotion not done, old color still served, soak time not over); the reason is recorded in the migration history. rollback: goes ahead although the database cannot be read and the release record cannot show that contract never ran; the reason is logged. Give the reason.',
    steps: ['contract', 'rollback'],
    kind: 'text'
  },
  {
    name: 'old-version-retired',
    description:
      'contract with a database-only cutover.yml (no router): how you know the old version of the service no longer runs anywhere, like `v1 undeployed by deploy #812`. Without a router cutover cannot see traffic, so contract refuses without it; the text is recorded in the migration history. Refused with a router, where contract checks the traffic itself.',
    steps: ['contract'],
    kind: 'text',
    // It is recorded in the history and shown in logs: one line of printable text.
    check: reason => {
      const control = controlCharacterIn(reason);
      return control && `not one line of printable text (${control}); say in one line how you know the old version no longer runs`;
    }
  },
  {
    name: 'github-token',
    description:
      'Token for the GitHub API: deployment records, approvals, the approval issue. The job token is enough with the permissions listed in docs/github.md. Empty outside GitHub Actions: the step then keeps no deployment record.',
    steps: STEPS,
    kind: 'text',
    default: '${{ github.token }}'
  },
  {
    name: 'environment-url',
    description: 'Public URL of the environment, shown on its GitHub deployment. Overrides `url` in cutover.yml.',
    steps: STEPS,
    kind: 'text',
    configPath: ['url']
  },
  {
    name: 'production-environment',
    description: "`true` or `false`: whether GitHub treats the environment as production. Empty follows GitHub's rule (true for an environment named production).",
    steps: ['snapshot', 'drill'],
    kind: 'text'
  },
  {
    name: 'traffic-steps',
    description:
      'How promote moves traffic to the new color: a preset (`all-at-once`, `canary` for 10% then 100%, `linear` for 10% at a time) or percentages like `5, 25, 50, 100`. Overrides `traffic.steps`.',
    steps: ['promote', 'drill'],
    kind: 'text',
    configPath: ['traffic', 'steps']
  },
  {
    name: 'approval',
    description:
      '`environment`: reviewers approve the job in GitHub (the environment needs a required-reviewers rule). `issue`: for plans without environment reviewers, the step opens an issue and waits for an /approve or /deny comment (this holds the runner while it waits).',
    steps: ['promote'],
    kind: 'text',
    default: 'environment'
  },
  {
    name: 'require-approval',
    description:
      '`true` or `false`. When true, promote refuses unless the run holds a fresh approval for this environment: without a required-reviewers rule on the environment it fails closed instead of passing.',
    steps: ['promote'],
    kind: 'text',
    default: 'true'
  },
  {
    name: 'forbid-self-approval',
    description: '`true` or `false`. When true, an approval counts only from someone other than the actor and the triggering actor of the run.',
    steps: ['promote'],
    kind: 'text',
    default: 'false'
  },
  {
    name: 'approvers',
    description: 'Who may answer the approval issue (approval: issue), one per line: a GitHub login, or an `org/team` whose members may.',
    steps: ['promote'],
    kind: 'list'
  },
  {
    name: 'approval-timeout',
    description: 'How long the approval issue waits for an answer, like 30m; no answer in time counts as a denial.',
    steps: ['promote'],
    kind: 'text',
    default: '1h'
  },
  {
    name: 'health-timeout',
    description: 'How long to wait for the color to become healthy, like 2m. Overrides `health.timeout`.',
    steps: ['deploy', 'promote', 'rollback', 'drill'],
    kind: 'text',
    configPath: ['health', 'timeout']
  }
];

export interface StepOutput {
  name: string;
  description: string;
}

const SWITCH_OUTPUTS: readonly StepOutput[] = [
  { name: 'live-color', description: 'The color that serves traffic after the step.' },
  { name: 'router-digest', description: 'Digest of the router state after the step.' },
  { name: 'snapshot-digest', description: 'Digest of the snapshot the release started from.' },
  {
    name: 'proposal',
    description: "evm-proxy propose mode: path of the upgrade written for a Safe's owners to sign. Nothing was switched yet; run the step again once they executed it. Empty when the switch was made."
  }
];

const DATABASE_OUTPUTS: readonly StepOutput[] = [
  { name: 'schema-version', description: 'The newest migration id with a finished phase, after the step.' },
  { name: 'applied', description: 'JSON list of the migrations this step ran, with what each did.' },
  { name: 'snapshot-digest', description: 'Digest of the snapshot the release started from.' }
];

/** Set only when the step fails, so that a workflow can choose what runs next (`if: steps.promote.outputs.failure-cause == 'back-on-snapshot'`). */
export const FAILURE_CAUSE: StepOutput = {
  name: 'failure-cause',
  description:
    'Set when the step fails or refuses once its inputs are accepted: where it left the release. unchanged, back-on-snapshot (an automatic rollback put traffic back), fix-forward (contract ran), soaking (contract not allowed yet; rollback still safe), drifted, resumable, traffic-moved or not-approved.'
};

const STEP_RESULTS: Record<StepName, readonly StepOutput[]> = {
  snapshot: [
    { name: 'live-color', description: 'The color serving traffic (the larger share during a split).' },
    { name: 'idle-color', description: 'The other color, where this release deploys.' },
    { name: 'digest', description: 'sha256 digest of the snapshot, for later steps to check against.' },
    { name: 'snapshot', description: 'The sealed snapshot as canonical JSON, to pass to steps in other jobs.' },
    { name: 'snapshot-file', description: 'Path of the release record the step wrote.' },
    { name: 'deployment-id', description: 'Id of the GitHub deployment that records this release (empty without a token).' }
  ],
  deploy: [
    { name: 'color', description: 'The color that was deployed (the idle one).' },
    { name: 'upstream', description: "That color's upstream address." },
    { name: 'version', description: 'The version deployed, as given or as the version URL reports it.' }
  ],
  migrate: DATABASE_OUTPUTS,
  promote: [...SWITCH_OUTPUTS, { name: 'approvers', description: 'JSON list of who approved the promotion, each with their comment.' }],
  contract: DATABASE_OUTPUTS,
  rollback: SWITCH_OUTPUTS,
  drill: [...SWITCH_OUTPUTS, { name: 'drill-ms', description: 'Milliseconds from the start of the drill to the verified rollback.' }]
};

export const STEP_OUTPUTS: Record<StepName, readonly StepOutput[]> = {
  snapshot: [...STEP_RESULTS.snapshot, FAILURE_CAUSE],
  deploy: [...STEP_RESULTS.deploy, FAILURE_CAUSE],
  migrate: [...STEP_RESULTS.migrate, FAILURE_CAUSE],
  promote: [...STEP_RESULTS.promote, FAILURE_CAUSE],
  contract: [...STEP_RESULTS.contract, FAILURE_CAUSE],
  rollback: [...STEP_RESULTS.rollback, FAILURE_CAUSE],
  drill: [...STEP_RESULTS.drill, FAILURE_CAUSE]
};

export function optionsOf(step: StepName): StepOption[] {
  return STEP_OPTIONS.filter(o => o.steps.includes(step));
}

/** Option values as given: text, or a list for `list` options. Absent when not given. */
export type OptionValues = Partial<Record<string, string | string[]>>;

/** A text option, trimmed; undefined when absent or blank. */
export function optionText(values: OptionValues, name: string): string | undefined {
  const value = values[name];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** Refuses a given option its check does not accept, naming it (as `label` spells it), the value and the fix. */
export function checkOptions(step: StepName, values: OptionValues, label: (name: string) => string): void {
  for (const option of optionsOf(step)) {
    const value = optionText(values, option.name);
    const problem = value === undefined ? null : option.check?.(value);
    if (problem) throw new BadInputError(`${label(option.name)}: ${problem}; got "${cleanOutsideText(value ?? '', { max: 60 })}".`);
  }
}

/** One part of the prepare action: a step, with `phase` fixed for migrate. */
export interface PreparePart {
  step: StepName;
  phase?: 'expand' | 'migrate';
}

/** The prepare action: the steps that start a release, one after another in one process, with one set of inputs. */
export const PREPARE = {
  title: 'Start a release in one step: snapshot, deploy to the idle color, expand, migrate. Stops at the first step that fails.',
  parts: [{ step: 'snapshot' }, { step: 'deploy' }, { step: 'migrate', phase: 'expand' }, { step: 'migrate', phase: 'migrate' }] as readonly PreparePart[],
  outputs: [...STEP_RESULTS.snapshot, ...STEP_RESULTS.deploy, ...STEP_RESULTS.migrate.filter(o => o.name === 'schema-version'), FAILURE_CAUSE] as readonly StepOutput[]
};

/** Prepare's inputs: its steps' options, less `phase`, which it sets, and `snapshot` and `digest`, since it starts the release. */
export function prepareOptions(): StepOption[] {
  const steps = new Set(PREPARE.parts.map(part => part.step));
  return STEP_OPTIONS.filter(o => o.steps.some(step => steps.has(step)) && !['phase', 'snapshot', 'digest'].includes(o.name));
}
