import { renderSummary, type ReleaseReport } from '../../src/github/summary.js';
import { trafficChart } from '../../src/github/traffic-chart.js';

const report = (over: Partial<ReleaseReport> = {}): ReleaseReport => ({
  step: 'snapshot',
  outcome: 'done',
  service: 'shop',
  environment: 'production',
  digest: 'sha256:' + 'ab'.repeat(32),
  live: 'blue',
  idle: 'green',
  colors: {
    blue: { version: '1.0.0', weight: 100, health: 'healthy' },
    green: { version: '1.1.0', weight: 0, health: 'unknown' }
  },
  traffic: [],
  ...over
});

/** The markdown cut at `### ` headings: the heading text to the body under it; '' holds what comes before the first. */
function sections(markdown: string): Map<string, string> {
  const out = new Map<string, string>();
  let heading = '';
  for (const line of markdown.split('\n')) {
    const match = /^### (.*)$/.exec(line);
    if (match) heading = match[1] ?? '';
    else out.set(heading, `${out.get(heading) ?? ''}${line}\n`);
  }
  return out;
}

/** A table's body rows as cells, split where GitHub splits them: at pipes without a backslash. */
function rows(body: string | undefined): string[][] {
  const lines = (body ?? '').split('\n').filter(line => line.startsWith('|'));
  return lines.slice(2).map(line => line.slice(1, -1).split(/(?<!\\)\|/).map(cell => cell.trim()));
}

function mermaid(markdown: string): { labels: string[]; lines: number[][] } {
  const block = /```mermaid\n([\s\S]*?)\n```/.exec(markdown)?.[1] ?? '';
  const axis = /^ {2}x-axis \[(.*)\]$/m.exec(block)?.[1] ?? '';
  return {
    labels: [...axis.matchAll(/"([^"]*)"/g)].map(m => m[1] ?? ''),
    lines: [...block.matchAll(/^ {2}line \[(.*)\]$/gm)].map(m => (m[1] ?? '').split(', ').map(Number))
  };
}

describe('job summary', () => {
  it('heads the summary with step, service, environment and outcome', () => {
    expect(renderSummary(report()).split('\n')[0]).toBe('## cutover snapshot: shop → production — ✅ done');
    expect(renderSummary(report({ step: 'promote', outcome: 'already-done' })).split('\n')[0]).toMatch(/^## cutover promote: .* — ☑️ already done, nothing changed$/);
  });

  it('shows both colors, live first, with role, version, weight and health, and the snapshot digest', () => {
    const body = sections(renderSummary(report())).get('Colors');
    expect(rows(body)).toEqual([
      ['blue', 'live', '`1.0.0`', '100%', 'healthy'],
      ['green', 'idle', '`1.1.0`', '0%', 'unknown']
    ]);
    expect(body).toContain(`Snapshot \`sha256:${'ab'.repeat(32)}\``);
    const canary = report({ live: 'green', idle: 'blue', colors: { blue: { version: null, weight: 10, health: 'unhealthy' }, green: { version: '2.0.0', weight: 90, health: 'healthy' } } });
    expect(rows(sections(renderSummary(canary)).get('Colors'))).toEqual([
      ['green', 'live', '`2.0.0`', '90%', 'healthy'],
      ['blue', 'idle', '—', '10%', 'unhealthy']
    ]);
  });

  it('omits every section without data', () => {
    const markdown = renderSummary(report({ smoke: [], approvers: [], plan: [], previewUrl: null, error: null, deploymentUrl: null }));
    expect([...sections(markdown).keys()]).toEqual(['', 'Colors']);
    expect(markdown).not.toMatch(/mermaid|Deployment:|Log:|What went wrong/);
  });

  it('shows the preview URL and the smoke results', () => {
    const body = sections(
      renderSummary(
        report({
          previewUrl: 'https://green.shop.example/',
          smoke: [
            { command: 'curl -fsS /health', passed: true },
            { command: 'npm run smoke', passed: false, detail: 'exit code 1' }
          ]
        })
      )
    ).get('Preview of green');
    expect(body).toContain('The idle color green serves [https://green.shop.example/](<https://green.shop.example/>) for review.');
    expect(rows(body)).toEqual([
      ['`curl -fsS /health`', '✅ passed', ''],
      ['`npm run smoke`', '❌ failed', 'exit code 1']
    ]);
  });

  it('shows migrations per phase, the schema version and the plan with each lock', () => {
    const markdown = renderSummary(
      report({
        migrations: { schemaVersion: '0002', applied: { expand: ['0001_add_email', '0002_add_index'], migrate: [], contract: [] } },
        plan: [{ migration: '0003_drop_name', phase: 'contract', statement: 'ALTER TABLE users\n  DROP COLUMN name', lock: 'ACCESS EXCLUSIVE on users' }]
      })
    );
    const db = sections(markdown).get('Database');
    expect(db).toContain('Schema version: `0002`');
    expect(rows(db)).toEqual([
      ['expand', '`0001_add_email`, `0002_add_index`'],
      ['migrate', 'none'],
      ['contract', 'none']
    ]);
    expect(rows(sections(markdown).get('Migration plan'))).toEqual([['`0003_drop_name`', 'contract', '`ALTER TABLE users DROP COLUMN name`', 'ACCESS EXCLUSIVE on users']]);
  });

  it('cuts long statements and keeps pipes and backticks inside their cell', () => {
    const statement = "UPDATE t SET a = 'x|y', b = `q` WHERE c = '``' " + 'AND d = 1 '.repeat(20);
    const cells = rows(sections(renderSummary(report({ plan: [{ migration: 'm', phase: 'migrate', statement, lock: 'ROW EXCLUSIVE | on t' }] }))).get('Migration plan'));
    expect(cells).toHaveLength(1);
    const [migration, phase, code, lock] = cells[0] ?? [];
    expect([migration, phase, lock]).toEqual(['`m`', 'migrate', 'ROW EXCLUSIVE \\| on t']);
    // Three backticks fence a statement holding a run of two, and pipes are escaped for the table.
    expect(code).toMatch(/^```UPDATE t SET a = 'x\\\|y', b = `q` WHERE c = '``' AND d = 1 .*…```$/);
    expect((code ?? '').length).toBeLessThan(140);
  });

  it('renders hostile text from approvers, versions and URLs as text', () => {
    const markdown = renderSummary(
      report({
        colors: { blue: { version: '1.0`|<b>x</b>', weight: 100, health: 'healthy' }, green: { version: null, weight: 0, health: 'unknown' } },
        approvers: [
          { user: 'alice', comment: '<img src=x onerror=alert(1)>' },
          { user: 'bob', comment: '| x | **bold** [link](https://evil.example)\n### heading' },
          { user: 'carol', comment: '' }
        ],
        previewUrl: 'javascript:alert(1)'
      })
    );
    expect(markdown).not.toMatch(/<img|(?<!\\)\]\(https:\/\/evil|^### heading/m);
    expect(sections(markdown).get('Approved by')?.trim().split('\n')).toEqual([
      '- **alice**: &lt;img src=x onerror=alert(1)&gt;',
      '- **bob**: \\| x \\| \\*\\*bold\\*\\* \\[link\\](https://evil.example) ### heading',
      '- **carol** (no comment)'
    ]);
    // Inside a code span markup is shown as written; the pipe is escaped for the table.
    expect(rows(sections(markdown).get('Colors'))[0]).toEqual(['blue', 'live', '``1.0`\\|<b>x</b>``', '100%', 'healthy']);
    expect(sections(markdown).get('Preview of green')).toContain('serves `javascript:alert(1)` for review.');
  });

  it('draws traffic per color over time, one line per color, and names the lines', () => {
    const markdown = renderSummary(
      report({
        traffic: [
          { label: 'snapshot', at: '2026-11-23T10:00:00Z', weights: { blue: 100, green: 0 } },
          { label: 'canary', at: '2026-11-23T10:05:00Z', weights: { blue: 90, green: 10 } },
          { label: 'promote', at: '2026-11-23T10:20:00Z', weights: { blue: 0, green: 100 } }
        ]
      })
    );
    const body = sections(markdown).get('Traffic') ?? '';
    expect(body).toContain('line 1 is blue, line 2 is green. Now: blue 0%, green 100%.');
    expect(body).toMatch(/^xychart-beta$/m);
    expect(body).toMatch(/^ {2}y-axis "Traffic \(%\)" 0 --> 100$/m);
    expect(mermaid(body)).toEqual({
      labels: ['snapshot 10:00', 'canary 10:05', 'promote 10:20'],
      lines: [
        [100, 90, 0],
        [0, 10, 100]
      ]
    });
  });

  it("shows each step's verdict with its checks, and the error rate per color per interval", () => {
    const markdown = renderSummary(
      report({
        step: 'promote',
        outcome: 'failed',
        traffic: [
          { label: 'snapshot', at: '2026-11-23T10:00:00Z', weights: { blue: 100, green: 0 } },
          { label: '10%', at: '2026-11-23T10:01:00Z', weights: { blue: 90, green: 10 } },
          { label: '10% #1', at: '2026-11-23T10:01:10Z', weights: { blue: 90, green: 10 }, errorRate: { blue: 0.001, green: 0 } },
          { label: '10% #2', at: '2026-11-23T10:01:20Z', weights: { blue: 90, green: 10 }, errorRate: { blue: 0, green: 0.213 } },
          { label: 'rollback', at: '2026-11-23T10:01:21Z', weights: { blue: 100, green: 0 } }
        ],
        analysis: [
          {
            step: 0,
            percent: 10,
            outcome: 'fail',
            dryRun: false,
            at: '2026-11-23T10:01:20Z',
            elapsedMs: 20_400,
            reason: 'step 1 (10%) failed',
            checks: [
              { name: 'errors', outcome: 'fail', detail: 'error-rate 0.213 > max 0.05 (new color, 480 requests)' },
              { name: 'p95 | <b>', outcome: 'pass', detail: 'p95 41ms <= max 300ms' }
            ]
          }
        ]
      })
    );
    const table = rows(sections(markdown).get('Analysis'));
    expect(table).toEqual([
      ['1', '10%', '❌ failed', '20s', 'errors fail: error-rate 0.213 &gt; max 0.05 (new color, 480 requests)<br>p95 \\| &lt;b&gt; pass: p95 41ms &lt;= max 300ms']
    ]);
    expect(table[0]?.[4]).not.toContain('<b>');
    const errors = sections(markdown).get('Error rate') ?? '';
    expect(errors).toMatch(/^ {2}y-axis "Error rate \(%\)" 0 --> 22$/m);
    expect(mermaid(errors)).toEqual({
      labels: ['10% #1 10:01', '10% #2 10:01'],
      lines: [
        [0.1, 0],
        [0, 21.3]
      ]
    });
  });

  it('leaves the error-rate chart out when no interval measured one', () => {
    expect(sections(renderSummary(report({ traffic: [{ label: 'snapshot', at: '2026-11-23T10:00:00Z', weights: { blue: 100, green: 0 } }] }))).has('Error rate')).toBe(false);
  });

  it('still draws a valid chart from a single point, and keeps labels from breaking it', () => {
    const chart = trafficChart([{ label: 'deploy "x"\n```', at: 'not a time', weights: { blue: 100, green: 0 } }]);
    expect(mermaid(chart)).toEqual({ labels: ['deploy x'], lines: [[100], [0]] });
    expect(chart.match(/```/g)).toHaveLength(2);
  });

  it('shows a failure with its message as written and what to do next', () => {
    const message = 'promote: the router changed since the snapshot.\n  differences:\n    weights.blue: 100 -> 50\n```';
    const markdown = renderSummary(report({ step: 'promote', outcome: 'failed', error: { message, next: 'Find out who changed traffic, then take a new snapshot.' } }));
    expect(markdown.split('\n')[0]).toBe('## cutover promote: shop → production — ❌ failed');
    const body = sections(markdown).get('What went wrong') ?? '';
    expect(body).toContain(`\`\`\`\`text\n${message}\n\`\`\`\`\n`);
    expect(body).toContain('**What to do next:** Find out who changed traffic, then take a new snapshot.');
    // The failure comes first, before the colors.
    expect([...sections(markdown).keys()].slice(0, 3)).toEqual(['', 'What went wrong', 'Colors']);
  });

  it('renders each field only in its own place, and never the credentials in a URL', () => {
    const markdown = renderSummary(
      report({
        service: 'svc-field',
        environment: 'env-field',
        colors: { blue: { version: 'ver-blue-field', weight: 100, health: 'healthy' }, green: { version: 'ver-green-field', weight: 0, health: 'healthy' } },
        previewUrl: 'https://preview-user:preview-pass@preview-field.example/',
        smoke: [{ command: 'smoke-command-field', passed: true, detail: 'smoke-detail-field' }],
        migrations: { schemaVersion: 'schema-field', applied: { expand: ['expand-field'], migrate: ['migrate-field'], contract: ['contract-field'] } },
        plan: [{ migration: 'plan-migration-field', phase: 'expand', statement: 'plan-statement-field', lock: 'plan-lock-field' }],
        approvers: [{ user: 'approver-field', comment: 'comment-field' }],
        traffic: [{ label: 'traffic-field', at: '2026-11-23T10:00:00Z', weights: { blue: 100, green: 0 } }],
        deploymentUrl: 'https://deployment-field.example/',
        logUrl: 'https://log-field.example/'
      })
    );
    const where = (field: string) => [...sections(markdown)].filter(([, body]) => body.includes(field)).map(([heading]) => heading);
    const expected: Record<string, string[]> = {
      'ver-blue-field': ['Colors'],
      'ver-green-field': ['Colors'],
      'preview-field': ['Preview of green'],
      'smoke-command-field': ['Preview of green'],
      'smoke-detail-field': ['Preview of green'],
      'schema-field': ['Database'],
      'expand-field': ['Database'],
      'migrate-field': ['Database'],
      'contract-field': ['Database'],
      'plan-migration-field': ['Migration plan'],
      'plan-statement-field': ['Migration plan'],
      'plan-lock-field': ['Migration plan'],
      'approver-field': ['Approved by'],
      'comment-field': ['Approved by'],
      'traffic-field': ['Traffic'],
      'deployment-field': ['Traffic'],
      'log-field': ['Traffic']
    };
    for (const [field, headings] of Object.entries(expected)) expect([field, where(field)]).toEqual([field, headings]);
    // Service and environment appear once, in the heading.
    expect(markdown.match(/svc-field|env-field/g)).toEqual(['svc-field', 'env-field']);
    expect(markdown.split('\n')[0]).toContain('svc-field → env-field');
    expect(markdown).not.toMatch(/preview-user|preview-pass/);
    // The links come last, under the chart.
    expect(markdown.trimEnd().split('\n').at(-1)).toBe('Deployment: [https://deployment-field.example/](<https://deployment-field.example/>) · Log: [https://log-field.example/](<https://log-field.example/>)');
  });
  it('shows a contract router: addresses per color, facts, checks, the layout diff and every transaction, escaped', () => {
    const blue = '0x' + '1'.repeat(40);
    const green = '0x' + '2'.repeat(40);
    const tx = '0x' + 'a'.repeat(64);
    const markdown = renderSummary(
      report({
        step: 'promote',
        outcome: 'proposed',
        router: {
          kind: 'evm-proxy',
          endpoints: { blue, green },
          facts: [
            ['proxy kind', 'uups'],
            ['snapshot block number', '12']
          ],
          checks: ['storage layout of VaultV2 is compatible with VaultV1', 'smoke `version()` | ok'],
          diff: ['+ fee uint256 slot 2 offset 0', '~ owner address -> uint160 slot 0 offset 0'],
          transactions: [
            { step: 'deploy', action: 'deploy', target: green, tx, block: 7, note: '' },
            { step: 'promote', action: 'propose', target: green, tx: null, block: null, note: 'with function initializeV2(uint256 fee)' }
          ]
        }
      })
    );
    expect(markdown.split('\n')[0]).toMatch(/— 📝 proposed, waiting for its signers; nothing changed yet$/);
    const body = sections(markdown).get('Router evm-proxy') ?? '';
    expect(rows(body.split('\n\n')[0])).toEqual([
      ['blue', 'live', `\`${blue}\``],
      ['green', 'idle', `\`${green}\``]
    ]);
    expect(body).toContain('proxy kind `uups` · snapshot block number `12`');
    expect(body).toContain('- smoke \\`version()\\` \\| ok');
    expect(body).toContain('```diff\n+ fee uint256 slot 2 offset 0\n~ owner address -> uint160 slot 0 offset 0\n```');
    const transactions = body.split('\n\n').find(part => part.startsWith('| Step'));
    expect(rows(transactions)).toEqual([
      ['deploy', 'deploy', `\`${green}\``, `\`${tx}\``, '7', ''],
      ['promote', 'propose', `\`${green}\``, 'not sent', '—', 'with function initializeV2(uint256 fee)']
    ]);
    expect(renderSummary(report())).not.toContain('### Router');
  });
});
