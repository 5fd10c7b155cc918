import { withoutInternalAddresses } from '../../src/core/internal-addresses.js';
import { releaseRisks } from '../../src/steps/report-plan.js';
import { renderSummary } from '../../src/summary/page.js';
import type { ReleaseReport } from '../../src/summary/report.js';
import { rowsOf as rows, sectionsOf as sections } from '../support/summary.js';

const DIGEST = 'sha256:' + 'ab'.repeat(32);

const report = (over: Partial<ReleaseReport> = {}): ReleaseReport => ({
  step: 'deploy',
  outcome: 'done',
  page: 'review',
  service: 'shop',
  environment: 'production',
  digest: DIGEST,
  from: { color: 'blue', version: '1.0.0' },
  to: { color: 'green', version: '2.0.0' },
  colors: [
    { color: 'blue', role: 'live', version: '1.0.0', weight: 100, health: 'healthy' },
    { color: 'green', role: 'idle', version: '2.0.0', weight: 0, health: 'healthy' }
  ],
  links: {},
  done: [
    { step: 'snapshot', what: 'blue live at 1.0.0' },
    { step: 'deploy', what: '2.0.0 on green, smoke passed' }
  ],
  plan: { steps: [100], pauseMs: 60_000, checks: [], analysis: null, healthUrl: null, database: false },
  risks: [],
  ...over
});

function mermaid(markdown: string): { labels: string[]; lines: number[][] } | null {
  const block = /```mermaid\n([\s\S]*?)\n```/.exec(markdown)?.[1];
  if (block === undefined) return null;
  const axis = /^ {2}x-axis \[(.*)\]$/m.exec(block)?.[1] ?? '';
  return {
    labels: [...axis.matchAll(/"([^"]*)"/g)].map(m => m[1] ?? ''),
    lines: [...block.matchAll(/^ {2}line \[(.*)\]$/gm)].map(m => (m[1] ?? '').split(', ').map(Number))
  };
}

const ANALYSIS = {
  intervalMs: 10_000,
  failuresAllowed: 0,
  inconclusive: 'counts as failed',
  dryRun: false
};

describe('the review page', () => {
  it('opens with the headline, then what approving will do, then the risks', () => {
    const markdown = renderSummary(
      report({
        plan: {
          steps: [10, 50, 100],
          pauseMs: 300_000,
          checks: ["errors: the new color's error rate at most 1% (from 50 samples)"],
          analysis: ANALYSIS,
          healthUrl: 'http://127.0.0.1:9/health',
          database: true
        },
        risks: [{ text: 'contract of 0002_drop drops what the old version needs: no rollback after this', subjects: ['ALTER TABLE users DROP COLUMN name', 'DROP TABLE old_names'] }]
      })
    );
    const lines = markdown.split('\n');
    expect(lines[0]).toBe('## shop 1.0.0 (blue, live) → 2.0.0 (green)');
    expect(lines[2]).toBe('Ready for review in **production**. Done so far: snapshot ✅ blue live at 1.0.0 · deploy ✅ 2.0.0 on green, smoke passed.');
    expect([...sections(markdown).keys()].slice(0, 4)).toEqual(['', 'Approving will', 'Risks', 'Colors']);
    const approving = sections(markdown).get('Approving will') ?? '';
    expect(approving).toContain('1. Check that green is healthy at [http://127.0.0.1:9/health](<http://127.0.0.1:9/health>), and that expand and migrate are done');
    expect(approving).toContain('2. Move traffic to green in 3 steps, 10% → 50% → 100%, holding each at least 5m0s.');
    expect(approving).toContain("   - errors: the new color's error rate at most 1% (from 50 samples)");
    expect(approving).toContain('4. Roll back automatically to the snapshot (blue 100%) as soon as a step fails.');
    expect(sections(markdown).get('Risks')).toContain('- ⚠ contract of 0002\\_drop drops what the old version needs: no rollback after this: `ALTER TABLE users DROP COLUMN name`, `DROP TABLE old_names`');
  });

  it('says a switch at once is one switch, and draws no chart before anything moved', () => {
    const markdown = renderSummary(report());
    expect(sections(markdown).get('Approving will')).toContain('1. Switch all traffic from blue to green at once.');
    expect(sections(markdown).get('Risks')).toContain('None flagged.');
    expect(markdown).not.toContain('mermaid');
  });

  it('names the exact upgrade call with its decoded arguments for a contract proxy', () => {
    const markdown = renderSummary(
      report({
        plan: {
          steps: [100],
          pauseMs: 0,
          checks: [],
          analysis: null,
          healthUrl: null,
          database: false,
          call: {
            to: '0x' + '1'.repeat(40),
            from: '0x' + '2'.repeat(40),
            mode: 'send',
            function: 'upgradeToAndCall',
            args: [
              { name: 'newImplementation', type: 'address', value: '0x' + '3'.repeat(40) },
              { name: 'data', type: 'bytes', value: '0xdeadbeef' }
            ],
            initializer: { signature: 'initializeV2(uint256)', args: [{ name: 'initialFee', type: 'uint256', value: '25' }] },
            data: '0x'
          }
        }
      })
    );
    expect(sections(markdown).get('Approving will')).toContain(
      `1. Send from \`0x${'2'.repeat(40)}\`: \`upgradeToAndCall(newImplementation = 0x${'3'.repeat(40)}, data = initializeV2(initialFee = 25))\` to \`0x${'1'.repeat(40)}\`. Nothing else is sent.`
    );
  });

  it('shows the colors as given, the one serving first, and the preview only when given', () => {
    const markdown = renderSummary(report({ preview: { url: 'https://user:pw@green.shop.example/', smoke: [{ command: 'npm run smoke', passed: true }] } }));
    expect(rows(sections(markdown).get('Colors'))).toEqual([
      ['blue', 'live', '`1.0.0`', '100%', 'healthy'],
      ['green', 'idle', '`2.0.0`', '0%', 'healthy']
    ]);
    const preview = sections(markdown).get('Preview of green') ?? '';
    expect(preview).toContain('green serves nobody yet; try it at [https://green.shop.example/](<https://green.shop.example/>).');
    expect(markdown).not.toContain('pw@');
    expect(sections(renderSummary(report())).has('Preview of green')).toBe(false);
  });

  it('shows the plan with the status of each statement, cut in the table and whole in the details', () => {
    const long = `UPDATE users SET a = 'x|y' WHERE ${'b = 1 AND '.repeat(20)}c = 2`;
    const markdown = renderSummary(
      report({
        database: {
          schemaVersion: '0002',
          applied: { expand: ['0001', '0002'], migrate: [], contract: [] },
          plan: [
            { migration: '0001_add', phase: 'expand', statement: 'ALTER TABLE users ADD COLUMN email text', lock: 'ACCESS EXCLUSIVE on users (brief)', status: 'applied' },
            { migration: '0002_fill', phase: 'migrate', statement: long, lock: 'ROW EXCLUSIVE | rows', status: 'pending' },
            { migration: '0002_fill', phase: 'contract', statement: 'ALTER TABLE users DROP COLUMN name', lock: 'ACCESS EXCLUSIVE on users', status: 'at contract' }
          ]
        }
      })
    );
    const db = sections(markdown).get('Database') ?? '';
    expect(db).toContain('Schema version `0002`, from the migration history as it is now.');
    // What is still to run in view, the whole plan folded below it.
    expect(db).toContain('Still to run (1 statement of the plan already applied):');
    const [ahead, whole] = db.split('<details>');
    expect(rows(ahead).map(r => [r[0], r[1], r[2]])).toEqual([
      ['`0002_fill`', 'migrate', 'pending'],
      ['`0002_fill`', 'contract', 'at contract']
    ]);
    expect(rows(whole).map(r => [r[0], r[1], r[2]])).toEqual([
      ['`0001_add`', 'expand', 'applied'],
      ['`0002_fill`', 'migrate', 'pending'],
      ['`0002_fill`', 'contract', 'at contract']
    ]);
    const table = rows(ahead);
    expect(table[0]?.[3]).toMatch(/^`UPDATE users SET a = 'x\\\|y' WHERE .*…`$/);
    expect(table[0]?.[4]).toBe('ROW EXCLUSIVE \\| rows');
    expect(markdown).toContain('<details><summary>Details</summary>');
    expect(markdown).toContain(`-- 0002_fill migrate\n${long}`);
  });
});

describe('the other pages', () => {
  it('gives the other steps of the prepare job one line', () => {
    const markdown = renderSummary(report({ step: 'snapshot', page: 'line', done: [{ step: 'snapshot', what: 'blue live at 1.0.0' }] }));
    expect(markdown.trim().split('\n')).toEqual(['**cutover snapshot** in `production`: ✅ done — blue live at 1.0.0. The review page comes with the step that makes the release ready to approve.']);
  });

  it('puts a failure, its cause and the advice first, the message wrapped and escaped', () => {
    const message = 'contract: refused:\n  - the new version has served for 3s of the 3600s soak time <b>x</b>\n```';
    const markdown = renderSummary(
      report({ step: 'contract', page: 'story', outcome: 'failed', error: { message, cause: 'soaking', next: 'Nothing changed, and rollback is still safe.' } })
    );
    expect(markdown.split('\n').slice(0, 3)).toEqual(['## shop 1.0.0 (blue, live) → 2.0.0 (green)', '', '**cutover contract** in `production`: ❌ failed']);
    const body = sections(markdown).get('What went wrong') ?? '';
    expect(body).toContain('> contract: refused:<br>\n> &nbsp;&nbsp;- the new version has served for 3s of the 3600s soak time &lt;b&gt;x&lt;/b&gt;<br>\n> \\`\\`\\`\n');
    expect(body).toContain('**Cause:** contract is not allowed yet; rollback is still safe.');
    expect(body).toContain('**What to do next:** Nothing changed, and rollback is still safe.');
    expect(body).not.toContain('```');
  });

  it('tells a canary as a table of its steps, with error rates against the limit, and one chart point per step', () => {
    const markdown = renderSummary(
      report({
        step: 'promote',
        page: 'story',
        colors: [
          { color: 'green', role: 'live', version: '2.0.0', weight: 100, health: 'healthy' },
          { color: 'blue', role: 'idle', version: '1.0.0', weight: 0, health: 'healthy' }
        ],
        errorLimit: 0.01,
        traffic: [
          { label: 'start', at: '2026-11-23T10:00:00Z', weights: { blue: 100, green: 0 } },
          { label: '10%', at: '2026-11-23T10:01:00Z', weights: { blue: 90, green: 10 } },
          { label: '10% #1', at: '2026-11-23T10:01:10Z', weights: { blue: 90, green: 10 }, errorRate: { blue: 0.001, green: 0.002 } },
          { label: '100%', at: '2026-11-23T10:02:00Z', weights: { blue: 0, green: 100 } },
          { label: '100% #1', at: '2026-11-23T10:02:10Z', weights: { blue: 0, green: 100 }, errorRate: { blue: null, green: 0 } },
          { label: 'promoted', at: '2026-11-23T10:02:11Z', weights: { blue: 0, green: 100 } }
        ],
        analysis: [
          { step: 0, percent: 10, outcome: 'pass', dryRun: false, at: '2026-11-23T10:01:10Z', elapsedMs: 10_000, reason: 'passed', checks: [{ name: 'errors | <b>', outcome: 'pass', detail: '0.002 <= 0.01' }] },
          { step: 1, percent: 100, outcome: 'pass', dryRun: false, at: '2026-11-23T10:02:10Z', elapsedMs: 10_000, reason: 'passed', checks: [] }
        ]
      })
    );
    expect(markdown.split('\n')[0]).toBe('## shop 1.0.0 (blue) → 2.0.0 (green, live)');
    expect(rows(sections(markdown).get('Traffic steps'))).toEqual([
      ['1', '10%', '✅ passed', '10s', 'green 0.2% (limit 1%)<br>blue 0.1%', 'errors \\| &lt;b&gt; pass: 0.002 &lt;= 0.01'],
      ['2', '100%', '✅ passed', '10s', 'green 0% (limit 1%)<br>blue no requests', '—']
    ]);
    expect(mermaid(markdown)).toEqual({
      // promoted holds what the 100% step set: one point, not two.
      labels: ['start', '10%', '100%'],
      lines: [
        [100, 90, 0],
        [0, 10, 100]
      ]
    });
  });

  it('draws no chart for a switch at once, and none for a contract proxy', () => {
    const once = report({
      step: 'promote',
      page: 'story',
      traffic: [
        { label: 'start', at: '2026-11-23T10:00:00Z', weights: { blue: 100, green: 0 } },
        { label: 'promoted', at: '2026-11-23T10:01:00Z', weights: { blue: 0, green: 100 } }
      ]
    });
    expect(mermaid(renderSummary(once))).toBeNull();
    // Nor when a rollback put it back: still no split to draw.
    expect(mermaid(renderSummary({ ...once, traffic: [...(once.traffic ?? []), { label: 'rolled back', at: '2026-11-23T10:02:00Z', weights: { blue: 100, green: 0 } }] }))).toBeNull();
    const stepped = { ...once, traffic: [...(once.traffic ?? []).slice(0, 1), { label: '50%', at: '2026-11-23T10:00:30Z', weights: { blue: 50, green: 50 } }, ...(once.traffic ?? []).slice(1)] };
    expect(mermaid(renderSummary(stepped))).not.toBeNull();
    expect(mermaid(renderSummary({ ...stepped, router: { kind: 'evm-proxy', endpoints: { blue: '0x1', green: '0x2' }, facts: [], checks: [], diff: [], transactions: [] } }))).toBeNull();
  });

  it('lists what contract dropped and why it was forced', () => {
    const markdown = renderSummary(
      report({
        step: 'contract',
        page: 'story',
        database: {
          schemaVersion: '0002',
          applied: { expand: ['0002'], migrate: ['0002'], contract: ['0002'] },
          plan: [],
          contracted: { statements: [{ migration: '0002_split', phase: 'contract', statement: 'ALTER TABLE users DROP COLUMN name', lock: 'ACCESS EXCLUSIVE on users', status: 'applied' }], forced: 'incident 42: old pods gone' }
        }
      })
    );
    const db = sections(markdown).get('Database') ?? '';
    expect(db).toContain('**Contract dropped** what the old version needed; there is no rollback past this:');
    expect(rows(db)).toEqual([['`0002_split`', '`ALTER TABLE users DROP COLUMN name`', 'ACCESS EXCLUSIVE on users']]);
    expect(db).toContain('Forced past its guard: incident 42: old pods gone');
  });

  it('shortens addresses and hashes, links them to the explorer, and keeps them whole in the details', () => {
    const blue = '0x' + '1'.repeat(40);
    const green = '0x' + '2'.repeat(40);
    const tx = '0x' + 'a'.repeat(64);
    const markdown = renderSummary(
      report({
        step: 'promote',
        page: 'story',
        router: {
          kind: 'evm-proxy',
          endpoints: { blue, green },
          facts: [['proxy kind', 'uups']],
          checks: ['storage layout of VaultV2 is compatible with VaultV1'],
          diff: ['+ fee uint256 slot 2 offset 0'],
          transactions: [{ step: 'promote', action: 'upgrade', target: green, tx, block: 7, note: 'with function initializeV2(uint256 fee)' }],
          explorer: 'https://explorer.example/'
        }
      })
    );
    const proxy = (sections(markdown).get('Contract proxy') ?? '').split('<details>')[0] ?? '';
    expect(rows(proxy.split('\n\n')[0])).toEqual([
      ['blue', 'live', `[0x1111…1111](<https://explorer.example/address/${blue}>)`],
      ['green', 'idle', `[0x2222…2222](<https://explorer.example/address/${green}>)`]
    ]);
    expect(proxy).toContain(`| promote | upgrade | [0xaaaa…aaaa](<https://explorer.example/tx/${tx}>) | 7 | with function initializeV2(uint256 fee) |`);
    expect(proxy).not.toMatch(/0x[0-9a-f]{40}`/);
    expect(markdown).toContain(`- promote upgrade transaction: \`${tx}\``);
  });

  it('renders hostile text from approvers, versions and URLs as text', () => {
    const markdown = renderSummary(
      report({
        step: 'promote',
        page: 'story',
        colors: [{ color: 'blue', role: 'live', version: '1.0`|<b>x</b>', weight: 100, health: 'healthy' }],
        approvers: [
          { user: 'alice', comment: '<img src=x onerror=alert(1)>' },
          { user: 'bob', comment: '| x | **bold** [link](https://evil.example)\n### heading' },
          { user: 'carol', comment: '' }
        ],
        links: { run: 'javascript:alert(1)' }
      })
    );
    expect(markdown).not.toMatch(/<img|(?<!\\)\]\(https:\/\/evil|^### heading/m);
    expect(sections(markdown).get('Approved by')?.trim().split('\n')).toEqual([
      '- **alice**: &lt;img src=x onerror=alert(1)&gt;',
      '- **bob**: \\| x \\| \\*\\*bold\\*\\* \\[link\\](https://evil.example) ### heading',
      '- **carol** (no comment)'
    ]);
    expect(rows(sections(markdown).get('Colors'))[0]).toEqual(['blue', 'live', '``1.0`\\|<b>x</b>``', '100%', 'healthy']);
    expect(markdown).toContain('See `javascript:alert(1)`.');
  });

  it('links the run and the deployments last', () => {
    const markdown = renderSummary(report({ links: { run: 'https://github.example/o/r/actions/runs/7', deployment: 'https://github.example/o/r/deployments/production' } }));
    expect(markdown.trimEnd().split('\n').at(-1)).toBe(
      'See [this run](<https://github.example/o/r/actions/runs/7>) · [deployments to production](<https://github.example/o/r/deployments/production>).'
    );
  });
});

describe('failure text on the page', () => {
  it('keeps the addresses colors run at inside the network out of it', () => {
    const message = 'Traffic was rolled back: proxy: blue 100% / green 0% (blue at 10.0.0.5:8080, green at 10.0.0.6:8080).\nGET http://10.0.0.6:8080/healthz timed out';
    expect(withoutInternalAddresses(message, { blue: ['10.0.0.5:8080'], green: ['10.0.0.6:8080'] })).toBe(
      "Traffic was rolled back: proxy: blue 100% / green 0%.\nGET http://green's upstream/healthz timed out"
    );
  });
});

describe('the risks of approving', () => {
  const plan = { steps: [100], pauseMs: 0, checks: [], analysis: null, healthUrl: null, database: false };
  it('flags a release without analysis, and one that gives up the way back, with its reason', () => {
    expect(releaseRisks(plan, undefined, undefined).map(r => r.text)).toEqual([expect.stringMatching(/^no analysis: nothing watches the new version/)]);
    expect(releaseRisks(plan, undefined, 'V2 hands the upgrade to the DAO').map(r => r.text)).toContain(
      'this release gives up the way back (router.allow.no-rollback: V2 hands the upgrade to the DAO): once promoted, rollback refuses and the only way on is forward'
    );
  });
});
