import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { fullFormats } from 'ajv-formats/dist/formats.js';

// Checks requests and responses against the slice of GitHub's OpenAPI description that
// scripts/github-openapi.mjs extracts into __tests__/fixtures/github-openapi.json.

type Json = Record<string, unknown>;

export const FIXTURE = path.resolve('__tests__', 'fixtures', 'github-openapi.json');
const DOC_ID = 'github';

export interface Operation {
  operationId: string;
  method: string;
  template: string;
  spec: Json;
}

export interface Match {
  operation: Operation;
  params: Record<string, string>;
}

/** One broken rule. `text` is the readable form, e.g. `POST /repos/o/r/deployments request body: /auto_merge must be boolean`. */
export interface Violation {
  part: 'path' | 'query' | 'body' | 'response';
  field: string;
  code: 'missing_field' | 'invalid' | 'unknown';
  text: string;
}

const BASIC_ERROR = { $ref: `${DOC_ID}#/components/schemas/basic-error` };

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * OpenAPI 3.0 schemas are not quite JSON Schema: `nullable: true` widens the type (Ajv only accepts it
 * next to `type`, and the description also puts it next to bare `oneOf`/`anyOf`), and `$ref`s point into
 * the description. A few string properties are `format: uri` with `default: ""`, and GitHub really sends
 * that empty string, so those accept "" too.
 */
function toJsonSchema(schema: unknown): unknown {
  if (!isObject(schema)) return schema;
  if (typeof schema.$ref === 'string') return { $ref: schema.$ref.replace(/^#/, `${DOC_ID}#`) };
  const out: Json = { ...schema };
  for (const key of ['items', 'not', 'additionalProperties']) if (isObject(out[key])) out[key] = toJsonSchema(out[key]);
  for (const key of ['oneOf', 'anyOf', 'allOf']) if (Array.isArray(out[key])) out[key] = (out[key] as unknown[]).map(toJsonSchema);
  if (isObject(out.properties)) out.properties = Object.fromEntries(Object.entries(out.properties).map(([name, inner]) => [name, toJsonSchema(inner)]));
  if (typeof out.format === 'string' && out.default === '') out.format = `${out.format}-or-empty`;
  const nullable = out.nullable === true;
  delete out.nullable;
  if (!nullable) return out;
  if (typeof out.type !== 'string') return { anyOf: [{ type: 'null' }, out] };
  out.type = [out.type, 'null'];
  if (Array.isArray(out.enum)) out.enum = [...out.enum, null];
  return out;
}

/** Query strings carry text; turn it into what the parameter's schema describes, leaving junk for Ajv to reject. */
function coerce(value: string, schema: Json): unknown {
  switch (schema.type) {
    case 'integer':
      return /^-?\d+$/.test(value) ? Number(value) : value;
    case 'number':
      return value.trim() !== '' && Number.isFinite(Number(value)) ? Number(value) : value;
    case 'boolean':
      return value === 'true' ? true : value === 'false' ? false : value;
    case 'array':
      return value.split(',');
    default:
      return value;
  }
}

function explain(error: ErrorObject): { field: string; code: Violation['code']; message: string } {
  const pointer = error.instancePath;
  if (error.keyword === 'required') {
    const missing = String(error.params.missingProperty);
    return { field: `${pointer}/${missing}`.replace(/^\//, ''), code: 'missing_field', message: `${pointer ? `${pointer} ` : ''}${error.message}` };
  }
  const allowed = error.keyword === 'enum' ? `: ${(error.params.allowedValues as unknown[]).map(String).join(', ')}` : '';
  return { field: pointer.replace(/^\//, ''), code: 'invalid', message: `${pointer ? `${pointer} ` : ''}${error.message}${allowed}` };
}

export class GitHubOpenApi {
  readonly version: string;
  readonly operations: Operation[] = [];
  private readonly raw: Json;
  private readonly ajv = new Ajv({ strict: false, allErrors: true });
  private readonly compiled = new Map<unknown, ValidateFunction>();
  private readonly routes: { operation: Operation; pattern: RegExp; names: string[] }[] = [];

  constructor(file = FIXTURE) {
    this.raw = JSON.parse(readFileSync(file, 'utf8')) as Json;
    this.version = String(this.raw.version);
    for (const [name, format] of Object.entries(fullFormats)) {
      this.ajv.addFormat(name, format);
      const check = typeof format === 'function' || format instanceof RegExp ? format : null;
      if (check) this.ajv.addFormat(`${name}-or-empty`, (text: string) => text === '' || (typeof check === 'function' ? check(text) : check.test(text)));
    }
    const components = (this.raw.components ?? {}) as Json;
    const schemas = Object.fromEntries(Object.entries((components.schemas ?? {}) as Json).map(([name, schema]) => [name, toJsonSchema(schema)]));
    this.ajv.addSchema({ $id: DOC_ID, components: { schemas } });
    for (const [template, item] of Object.entries(this.raw.paths as Json)) {
      for (const [method, spec] of Object.entries(item as Json)) {
        if (method === 'parameters' || !isObject(spec)) continue;
        const operation = { operationId: String(spec.operationId), method: method.toUpperCase(), template, spec };
        this.operations.push(operation);
        const names: string[] = [];
        const source = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{(\w+)\\?\}/g, (_, name: string) => (names.push(name), '([^/]+)'));
        this.routes.push({ operation, pattern: new RegExp(`^${source}$`), names });
      }
    }
  }

  operation(operationId: string): Operation {
    const found = this.operations.find(op => op.operationId === operationId);
    if (!found) throw new Error(`no operation ${operationId} in the GitHub OpenAPI fixture`);
    return found;
  }

  /** The operation a request is for, with its path parameters decoded; null for a route GitHub does not have. */
  match(method: string, pathname: string): Match | null {
    for (const { operation, pattern, names } of this.routes) {
      if (operation.method !== method.toUpperCase()) continue;
      const found = pattern.exec(pathname);
      if (!found) continue;
      const params: Record<string, string> = {};
      names.forEach((name, index) => (params[name] = decodeURIComponent(found[index + 1] as string)));
      return { operation, params };
    }
    return null;
  }

  /** Path parameters, query parameters and the JSON body (undefined when none was sent). */
  validateRequest(match: Match, pathname: string, query: URLSearchParams, body: unknown): Violation[] {
    const { operation } = match;
    const label = `${operation.method} ${pathname}`;
    const violations: Violation[] = [];
    const parameters = ((operation.spec.parameters ?? []) as unknown[]).map(parameter => this.resolve(parameter));
    for (const parameter of parameters) {
      const name = String(parameter.name);
      const where = parameter.in === 'path' ? 'path' : parameter.in === 'query' ? 'query' : null;
      if (!where) continue;
      const text = where === 'path' ? match.params[name] : (query.get(name) ?? undefined);
      if (text === undefined) {
        if (parameter.required === true) violations.push({ part: where, field: name, code: 'missing_field', text: `${label} ${where} ${name}: is required` });
        continue;
      }
      const schema = (parameter.schema ?? {}) as Json;
      for (const error of this.check(schema, coerce(text, schema))) {
        violations.push({ part: where, field: name, code: 'invalid', text: `${label} ${where} ${name}: ${explain(error).message}` });
      }
    }
    // GitHub ignores query parameters it does not know, so they are not rejected; but one here is a typo or drift.
    const known = new Set(parameters.filter(parameter => parameter.in === 'query').map(parameter => String(parameter.name)));
    for (const name of new Set(query.keys())) {
      if (!known.has(name)) violations.push({ part: 'query', field: name, code: 'unknown', text: `${label} query ${name}: is not a parameter of ${operation.operationId}` });
    }
    const requestBody = operation.spec.requestBody === undefined ? undefined : this.resolve(operation.spec.requestBody);
    if (requestBody) {
      const schema = this.jsonSchemaOf(requestBody);
      if (body === undefined) {
        if (requestBody.required === true) violations.push({ part: 'body', field: '', code: 'missing_field', text: `${label} request body: is required` });
      } else if (schema) {
        for (const error of this.check(schema, body)) {
          const { field, code, message } = explain(error);
          violations.push({ part: 'body', field, code, text: `${label} request body: ${message}` });
        }
      }
    }
    return violations;
  }

  /** A response body (undefined when none) against the schema for its status code. */
  validateResponse(operationId: string, pathname: string, status: number, body: unknown): string[] {
    const operation = this.operation(operationId);
    const label = `${operation.method} ${pathname} response ${status}`;
    // Conditional requests work on every GET, though no operation lists 304: it never has a body.
    if (status === 304) return body === undefined ? [] : [`${label}: must have no body`];
    const responses = operation.spec.responses as Json;
    const documented = responses[String(status)] ?? responses.default;
    if (documented === undefined) {
      // Rate limits, server errors and 404s can answer any operation; GitHub's error bodies are all basic-error.
      if (status < 400) return [`${label}: status ${status} is not documented for ${operationId}`];
      return body === undefined ? [] : this.check(BASIC_ERROR, body).map(error => `${label}: ${explain(error).message}`);
    }
    const schema = this.jsonSchemaOf(this.resolve(documented));
    if (!schema) return status === 204 && body !== undefined ? [`${label}: must have no body`] : [];
    if (body === undefined) return [`${label}: must have a JSON body`];
    return this.check(schema, body).map(error => `${label}: ${explain(error).message}`);
  }

  private resolve(value: unknown): Json {
    let current = value as Json;
    while (typeof current.$ref === 'string') {
      current = current.$ref
        .replace(/^#\//, '')
        .split('/')
        .reduce<unknown>((node, key) => (node as Json)[key.replace(/~1/g, '/').replace(/~0/g, '~')], this.raw) as Json;
      if (current === undefined) throw new Error(`unresolvable reference in the GitHub OpenAPI fixture`);
    }
    return current;
  }

  private jsonSchemaOf(holder: Json): Json | undefined {
    const content = holder.content as Record<string, Json> | undefined;
    return content?.['application/json']?.schema as Json | undefined;
  }

  private check(schema: Json, data: unknown): ErrorObject[] {
    let validate = this.compiled.get(schema);
    if (!validate) {
      validate = this.ajv.compile(toJsonSchema(schema) as Json);
      this.compiled.set(schema, validate);
    }
    return validate(data) ? [] : (validate.errors ?? []);
  }
}

let loaded: GitHubOpenApi | undefined;

/** The fixture, parsed and compiled once per test file. */
export function githubOpenApi(): GitHubOpenApi {
  return (loaded ??= new GitHubOpenApi());
}
