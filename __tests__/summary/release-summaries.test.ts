import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { readHistory, type HistoryRow } from '../../src/adapters/database/history.js';
import { openPglite } from '../../src/adapters/database/pglite.js';
import { schemaStateOf } from '../../src/adapters/database/status.js';
import { httpGet, httpRequest } from '../../src/shared/io/http.js';
import { poll } from '../../src/shared/io/wait.js';
import { describeBundles, runBundle, runnerFor } from '../support/action-bundle.js';
import { startFakeGitHub, type FakeGitHub } from '../support/fake-github.js';
import { SPLIT_NAME, writeMigrations } from '../support/migrations.js';
import { proxySetup, type ProxySetup } from '../support/proxy-setup.js';
import { pagesOf, rowsOf, sectionsOf, keepSummary } from '../support/summary.js';

// The job summaries of whole releases, written by the committed bundles as the runner runs them,
// against the fake GitHub: one page per job, advice that fits the cause, and Colors and Database
// sections that say what the router and the database hold when the summary is written.

const SHA = 'c'.repeat(40);
/** Each test runs a release's steps as separate Node processes, a canary among them. */
const RELEASE_MS = 180_000;

describeBundles('the job summaries a release writes', () => {
  let github: FakeGitHub;
  let setup: ProxySetup;
  afterEach(async () => {
    await setup.stop();
    await github.stop();
    expect(github.violations).toEqual([]);
  });

  async function start(soak: string): Promise<void> {
    github = await startFakeGitHub();
    github.setEnvironment('production', { reviewers: [{ type: 'User', login: 'reviewer' }] });
    github.setRun(7, { head_sha: SHA, actor: 'octocat', triggering_actor: 'octocat', run_attempt: 1 });
    setup = await proxySetup(settings(soak));
    await writeMigrations(path.join(setup.dir, 'migrations'), SPLIT_NAME);
  }
  const settings = (soak: string) => `traffic: { steps: [50, 100], pause: 300ms }
analysis:
  interval: 300ms
  sources: { probe: { kind: http, path: /, rate: 60, timeout: 1s } }
  checks: [{ name: errors, metric: error-rate, max: 5%, min-samples: 5 }]
database:
  url: pglite:db
  migrations: migrations
  contract: { soak: ${soak} }
`;
  const env = () => runnerFor(github, { sha: SHA, workspace: setup.dir });
  const job = (name: string) => path.join(setup.dir, `job-${name}`);
  const summaryOf = (name: string) => readFile(path.join(job(name), 'summary.md'), 'utf8');
  /** A job's summary so far, and what this step added to it. */
  async function step(name: string, action: string, inputs: Record<string, string>, jobName: string) {
    const before = await summaryOf(jobName).catch(() => '');
    const run = await runBundle(action, { config: setup.config, ...inputs }, job(jobName), env());
    const summary = await summaryOf(jobName);
    await keepSummary(name, summary.slice(before.length));
    return { ...run, added: summary.slice(before.length) };
  }

  /** The Colors table against what the proxy holds now. */
  async function expectColorsAsRouter(markdown: string): Promise<void> {
    const state = JSON.parse((await httpGet(`${setup.proxy.admin}/`, { timeoutMs: 5000 })).body) as { weights: Record<string, number> };
    const rows = rowsOf(sectionsOf(markdown).get('Colors'));
    expect(Object.fromEntries(rows.map(r => [r[0], `${r[1]} ${r[3]}`]))).toEqual(
      Object.fromEntries(Object.entries(state.weights).map(([color, weight]) => [color, `${weight === 100 ? 'live' : weight === 0 ? 'idle' : 'canary'} ${weight}%`]))
    );
  }

  /** The Database section against the migration history as it is now. */
  async function expectDatabaseAsHistory(markdown: string): Promise<HistoryRow[]> {
    const db = await openPglite(path.join(setup.dir, 'db'));
    const history = await readHistory(db).finally(() => db.close());
    const section = sectionsOf(markdown).get('Database') ?? '';
    const version = schemaStateOf(history).schema_version;
    expect(section).toContain(version ? `Schema version \`${version}\`` : 'Schema version none recorded');
    for (const row of rowsOf(section).filter(r => r.length === 5)) {
      const [migration, phase, status] = row.map(cell => cell.replace(/`/g, ''));
      const recorded = history.find(h => `${h.id}_${h.name}` === migration && h.phase === phase);
      expect([migration, phase, status]).toEqual([migration, phase, recorded?.status === 'done' ? 'applied' : recorded ? 'running' : phase === 'contract' ? 'at contract' : 'pending']);
    }
    return history;
  }

  it('a canary that passes: the review page once before approval, then promote, contract refused by the soak guard, contract, and rollback refused after it', async () => {
    await start('1h');
    const snapshot = await step('prepare-snapshot', 'snapshot', {}, 'prepare');
    expect(snapshot.code).toBe(0);
    expect((await step('prepare-deploy', 'deploy', {}, 'prepare')).code).toBe(0);
    expect((await step('prepare-expand', 'migrate', { phase: 'expand' }, 'prepare')).code).toBe(0);
    expect((await step('prepare-migrate', 'migrate', { phase: 'migrate' }, 'prepare')).code).toBe(0);

    const prepare = await summaryOf('prepare');
    await keepSummary('review-page', prepare);
    // One page for the job: three lines, then the review page written by the step that made the release ready.
    expect(pagesOf(prepare)).toEqual(['## shop (blue, live) → (green)']);
    expect(prepare.split('\n').filter(line => line.startsWith('**cutover '))).toEqual([
      expect.stringMatching(/^\*\*cutover snapshot\*\* in `production`: ✅ done — /),
      expect.stringMatching(/^\*\*cutover deploy\*\* in `production`: ✅ done — /),
      expect.stringMatching(/^\*\*cutover expand\*\* in `production`: ✅ done — /)
    ]);
    const review = prepare.slice(prepare.indexOf('## '));
    const sections = sectionsOf(review);
    expect([...sections.keys()].slice(0, 5)).toEqual(['', 'Approving will', 'Risks', 'Colors', 'Database']);
    expect(sections.get('Approving will')).toMatch(/Move traffic to green in 2 steps, 50% → 100%, holding each at least 300ms\./);
    expect(sections.get('Approving will')).toContain("errors: the new color's error rate at most 5% (from 5 samples)");
    expect(sections.get('Approving will')).toContain('Roll back automatically to the snapshot (blue 100%) as soon as a step fails.');
    // Expand already ran, so its ACCESS EXCLUSIVE statements are history, not a risk of approving.
    expect(sections.get('Risks')?.trim().split('\n')).toEqual([
      '- ⚠ contract of 0002\\_full\\_name drops what the old version needs: no rollback after this: `DROP TRIGGER people_full_name ON people`, `DROP FUNCTION people_full_name()`, `ALTER TABLE people DROP COLUMN first_name`, `ALTER TABLE people DROP COLUMN last_name`'
    ]);
    await expectColorsAsRouter(review);
    await expectDatabaseAsHistory(review);
    expect(review).not.toMatch(/mermaid|What to do next/);

    const later = { digest: snapshot.outputs.digest as string };
    github.addApproval(7, { environment: 'production', state: 'approved', user: 'reviewer', comment: 'looks right' });
    const promote = await step('promote-canary-passed', 'promote', later, 'promote');
    expect(promote.code).toBe(0);
    expect(pagesOf(promote.added)).toEqual(['## shop (blue) → (green, live)']);
    const steps = rowsOf(sectionsOf(promote.added).get('Traffic steps'));
    expect(steps.map(r => [r[0], r[1], r[2]])).toEqual([
      ['1', '50%', '✅ passed'],
      ['2', '100%', '✅ passed']
    ]);
    expect(steps[0]?.[4]).toMatch(/^green 0% \(limit 5%\)<br>blue 0%$/);
    expect(promote.added).toMatch(/x-axis \["start", "50%", "100%"\]/);
    await expectColorsAsRouter(promote.added);
    await expectDatabaseAsHistory(promote.added);

    // A later job with only the digest: the soak guard refuses, and says rollback is still safe.
    const early = await step('contract-refused-soak', 'contract', later, 'contract');
    expect(early.code).toBe(1);
    expect(early.outputs['failure-cause']).toBe('soaking');
    const refused = sectionsOf(early.added).get('What went wrong') ?? '';
    expect(refused).toContain('**Cause:** contract is not allowed yet; rollback is still safe.');
    expect(refused).toMatch(/\*\*What to do next:\*\* Nothing changed, and rollback is still safe\./);
    expect(early.stdout).toMatch(/::error title=cutover contract failed%3A what to do next::Nothing changed, and rollback is still safe\./);
    const untouched = await expectDatabaseAsHistory(early.added);
    expect(untouched.filter(h => h.phase === 'contract')).toEqual([]);
    await expectColorsAsRouter(early.added);

    await writeFile(setup.config, (await readFile(setup.config, 'utf8')).replace('soak: 1h', 'soak: 0s'));
    const contract = await step('contract', 'contract', later, 'contract');
    expect(contract.code).toBe(0);
    const story = contract.added;
    expect(pagesOf(story)).toEqual(['## shop (blue) → (green, live)']);
    const db = sectionsOf(story).get('Database') ?? '';
    expect(db).toContain('**Contract dropped** what the old version needed; there is no rollback past this:');
    expect(rowsOf(db).map(r => r[1])).toEqual(expect.arrayContaining(['`DROP TRIGGER people_full_name ON people`']));
    // The canary's steps, rebuilt from the deployment in a job that never saw them.
    expect(rowsOf(sectionsOf(story).get('Traffic steps')).map(r => [r[1], r[2]])).toEqual([
      ['50%', '✅ passed'],
      ['100%', '✅ passed']
    ]);
    await expectColorsAsRouter(story);
    await expectDatabaseAsHistory(story);

    const rollback = await step('rollback-refused-after-contract', 'rollback', later, 'rollback');
    expect(rollback.code).toBe(1);
    expect(rollback.outputs['failure-cause']).toBe('fix-forward');
    const why = sectionsOf(rollback.added).get('What went wrong') ?? '';
    expect(why).toContain('**Cause:** contract ran: the way back is gone.');
    expect(why).toMatch(/\*\*What to do next:\*\* Do not roll back: .*Fix forward/);
    expect(rollback.added).not.toMatch(/Run rollback/);
    await expectColorsAsRouter(rollback.added);
    await expectDatabaseAsHistory(rollback.added);
  }, RELEASE_MS);

  it('asks for approval by issue with the same review page, as it is when promote asks', async () => {
    await start('0s');
    const snapshot = await runBundle('snapshot', { config: setup.config }, job('prepare'), env());
    for (const [action, phase] of [['deploy'], ['migrate', 'expand'], ['migrate', 'migrate']]) {
      expect((await runBundle(action as string, { config: setup.config, ...(phase ? { phase } : {}) }, job('prepare'), env())).code).toBe(0);
    }
    const inputs = { digest: snapshot.outputs.digest as string, approval: 'issue', approvers: 'lead', 'approval-timeout': '30s' };
    const promote = step('promote-by-issue', 'promote', inputs, 'promote');
    const { result: issue } = await poll(async () => github.issue(1), { what: 'the approval issue', done: found => found !== undefined, intervalMs: 50, timeoutMs: 20_000 });
    const body = String(issue?.body);
    await keepSummary('approval-issue', body);
    expect(pagesOf(body)).toEqual(['## shop (blue, live) → (green)']);
    expect([...sectionsOf(body).keys()].slice(0, 3)).toEqual(['', 'Approving will', 'Risks']);
    expect(sectionsOf(body).get('Risks')).toContain('no rollback after this');
    await expectColorsAsRouter(body);
    expect(body.trimEnd().split('\n').at(-1)).toBe('Answer with a comment whose first line is `/approve` or `/deny`, optionally followed by a reason.');
    github.addComment(1, { user: 'lead', body: '/approve the page reads right' });
    const promoted = await promote;
    expect(promoted.code).toBe(0);
    expect(sectionsOf(promoted.added).get('Approved by')).toContain('- **lead**: the page reads right');
  }, RELEASE_MS);

  it('a canary that rolls back on its own says traffic is already back, and nothing is left to roll back', async () => {
    await start('0s');
    const snapshot = await step('snapshot', 'snapshot', {}, 'prepare');
    for (const [action, phase] of [['deploy'], ['migrate', 'expand'], ['migrate', 'migrate']]) {
      expect((await runBundle(action as string, { config: setup.config, ...(phase ? { phase } : {}) }, job('prepare'), env())).code).toBe(0);
    }
    await httpRequest(`http://${setup.apps.green}/fault?fail=1`, { method: 'PUT', timeoutMs: 2000 });
    github.addApproval(7, { environment: 'production', state: 'approved', user: 'reviewer', comment: '' });
    const promote = await step('promote-rolled-back', 'promote', { digest: snapshot.outputs.digest as string }, 'promote');
    expect(promote.code).toBe(1);
    expect(promote.outputs['failure-cause']).toBe('back-on-snapshot');
    const page = promote.added;
    expect(pagesOf(page)).toEqual(['## shop (blue, live) → (green)']);
    const why = sectionsOf(page).get('What went wrong') ?? '';
    expect(why).toContain('**Cause:** traffic is back as the snapshot recorded.');
    expect(why).toMatch(/\*\*What to do next:\*\* Traffic is already back as the snapshot recorded: there is nothing to roll back\./);
    expect(page).not.toMatch(/Run rollback/);
    // The addresses the colors run at stay inside: the page names the colors instead.
    for (const address of [setup.apps.blue, setup.apps.green]) expect(page).not.toContain(address);
    expect(rowsOf(sectionsOf(page).get('Traffic steps'))).toEqual([[expect.stringMatching(/^▶ 1$/), '50%', '❌ failed', expect.any(String), expect.stringMatching(/^green 100% \(limit 5%\)/), expect.any(String)]]);
    expect(page).toMatch(/x-axis \["start", "50%", "rolled back"\]/);
    await expectColorsAsRouter(page);
    await expectDatabaseAsHistory(page);
  }, RELEASE_MS);
});
