import { headerValue, httpGet } from '../../src/shared/io/http.js';

/** Sends `count` requests on new connections and tallies which color's app answered (from the body). */
export async function colorsServed(url: string, count = 20): Promise<Record<string, number>> {
  const tally: Record<string, number> = {};
  for (let i = 0; i < count; i++) {
    const response = await httpGet(url, { timeoutMs: 5000 });
    const color = response.status === 200 ? (JSON.parse(response.body) as { color: string }).color : `HTTP ${response.status}`;
    expect(headerValue(response.headers, 'x-cutover-color') ?? color).toBe(color);
    tally[color] = (tally[color] ?? 0) + 1;
  }
  return tally;
}
