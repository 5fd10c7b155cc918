import { formatLogLine, historyOf, parseLogLine, DESCRIPTION_MAX, type LogLine, type StatusLine } from '../../src/adapters/github/release-log.js';

const at = (minute: number) => `2026-11-23T10:${String(minute).padStart(2, '0')}:00Z`;
const line = (text: string, minute: number): StatusLine => ({ line: parseLogLine(text) as LogLine, at: at(minute) });

describe('the release log in deployment statuses', () => {
  it('reads back every outcome it writes, and nothing else', () => {
    for (const outcome of ['started', 'done', 'already done', 'proposed', 'failed'] as const) {
      const written = formatLogLine({ step: 'promote', outcome, detail: 'approved by alice' });
      expect(parseLogLine(written)).toEqual({ step: 'promote', outcome, detail: 'approved by alice' });
    }
    expect(parseLogLine('cutover promote: maybe')).toBeNull();
    expect(parseLogLine('cutover launch: done')).toBeNull();
    expect(parseLogLine('deployed by hand')).toBeNull();
    expect(formatLogLine({ step: 'deploy', outcome: 'done', detail: 'x'.repeat(500) })).toHaveLength(DESCRIPTION_MAX);
  });

  it('rebuilds the phase from done steps; a proposed switch is history but moves no phase until it is executed', () => {
    const proposed = historyOf([
      line('cutover deploy: done', 1),
      line('cutover promote: started; approved by alice', 2),
      line('cutover promote: proposed; written to cutover-proposal.json', 3)
    ]);
    expect(proposed.phase).toBe('deployed');
    expect(proposed.history.map(h => [h.step, h.outcome])).toEqual([
      ['deploy', 'done'],
      ['promote', 'proposed']
    ]);

    const executed = historyOf([
      line('cutover deploy: done', 1),
      line('cutover promote: proposed; written to cutover-proposal.json', 3),
      line('cutover promote: failed; drift', 4),
      line('cutover promote: done', 5)
    ]);
    expect(executed.phase).toBe('promoted');
    expect(executed.history.map(h => h.outcome)).toEqual(['done', 'proposed', 'done']);
  });
});
