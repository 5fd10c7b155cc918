import type { z } from 'zod';

/**
 * Turns schema issues into lines a person can act on: the path, what is wrong,
 * the value that was given (unless the issue says it may be a secret, with
 * `params: { hideValue: true }`), and for unknown keys the key that was probably meant.
 */
export function describeIssues(issues: readonly z.core.$ZodIssue[], raw: unknown, schema: z.ZodType, labelFor: (path: string) => string): string[] {
  return issues.flatMap(issue => {
    const path = issue.path.map(String);
    if (issue.code === 'unrecognized_keys') {
      const known = knownKeys(schema, path, raw);
      return issue.keys.map(key => {
        const guess = closest(key, known);
        const hint = guess ? `did you mean "${guess}"?` : `known keys here: ${known.join(', ') || '(none)'}`;
        return `${labelFor([...path, key].join('.'))}: unknown key; ${hint}`;
      });
    }
    if (issue.code === 'invalid_union' && 'options' in issue && Array.isArray(issue.options)) {
      const options = issue.options.map(String);
      const given = valueAt(raw, path);
      const guess = typeof given === 'string' ? closest(given, options) : undefined;
      return [`${labelFor(path.join('.'))}: expected one of ${options.join(', ')}, got ${show(given)}${guess ? `; did you mean "${guess}"?` : ''}`];
    }
    if (issue.code === 'custom' && issue.params?.hideValue) return [`${labelFor(path.join('.'))}: ${issue.message} (the value given is not shown: it may hold a secret)`];
    const given = valueAt(raw, path);
    const got = given === undefined ? 'nothing' : show(given);
    return [`${labelFor(path.join('.') || '(top level)')}: ${issue.message}, got ${got}`];
  });
}

function show(value: unknown): string {
  const text = JSON.stringify(value);
  return text === undefined ? String(value) : text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

function valueAt(raw: unknown, path: readonly string[]): unknown {
  let node = raw;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  in?: z.ZodType;
  options?: z.ZodType[];
  discriminator?: string;
  valueType?: z.ZodType;
  element?: z.ZodType;
}

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** The schema that describes the value at `path`, following the raw value through unions. */
function schemaAt(schema: z.ZodType, path: readonly string[], raw: unknown): z.ZodType | undefined {
  let node: z.ZodType | undefined = unwrap(schema, raw);
  let value = raw;
  for (const key of path) {
    if (!node) return undefined;
    const def = defOf(node);
    value = valueAt(value, [key]);
    const next: z.ZodType | undefined =
      def.type === 'object' ? def.shape?.[key] : def.type === 'record' ? def.valueType : def.type === 'array' ? def.element : undefined;
    node = next && unwrap(next, value);
  }
  return node;
}

function unwrap(schema: z.ZodType, raw: unknown): z.ZodType {
  let node = schema;
  for (;;) {
    const def = defOf(node);
    if (def.innerType) node = def.innerType;
    else if (def.type === 'pipe' && def.in) node = def.in;
    else if (def.type === 'union' && def.options) {
      const tag = def.discriminator ? valueAt(raw, [def.discriminator]) : undefined;
      const chosen = def.options.find(o => {
        const shape = defOf(o).shape;
        return shape && def.discriminator && defOf(shape[def.discriminator] as z.ZodType).type === 'literal' && literalValues(shape[def.discriminator] as z.ZodType).includes(tag);
      });
      if (!chosen) return node;
      node = chosen;
    } else return node;
  }
}

function literalValues(schema: z.ZodType): unknown[] {
  return (schema as unknown as { _zod: { def: { values: unknown[] } } })._zod.def.values;
}

function knownKeys(schema: z.ZodType, path: readonly string[], raw: unknown): string[] {
  const node = schemaAt(schema, path, raw);
  const shape = node && defOf(node).shape;
  return shape ? Object.keys(shape) : [];
}

/** The candidate nearest to `word` by edit distance, when near enough to be a typo. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(best.length / 3)) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min((previous[j] as number) + 1, (row[j - 1] as number) + 1, (previous[j - 1] as number) + cost);
    }
    previous = row;
  }
  return previous[b.length] as number;
}
