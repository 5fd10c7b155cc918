import { httpGet } from '../io/http.js';

/**
 * The version a color reports: the body of a plain-text endpoint, or the
 * `version` field of a JSON one. Null when it cannot be read, since a color
 * that is not running has no version.
 */
export async function readVersion(url: string, timeoutMs: number): Promise<string | null> {
  try {
    const response = await httpGet(url, { timeoutMs });
    if (response.status < 200 || response.status > 299) return null;
    const body = response.body.trim();
    try {
      const parsed: unknown = JSON.parse(body);
      if (parsed && typeof parsed === 'object' && 'version' in parsed) return String((parsed as { version: unknown }).version);
    } catch {
      // Not JSON: the body is the version.
    }
    return body.split('\n')[0]?.slice(0, 200) || null;
  } catch {
    return null;
  }
}
