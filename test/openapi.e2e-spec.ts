import { readFileSync } from 'node:fs';
import type { OpenAPIObject } from '@nestjs/swagger';
import { requiresCredentials } from '@app/identity';
import { openApiDocumentFromCode, openApiJson } from '../apps/api/src/openapi';
import { apiTypesSource, CONTRACT_FILES } from '../scripts/openapi';
import { startApi } from './support/http';

const REGENERATE = 'run `npm run openapi` and commit openapi.json and test/support/api-types.ts';

type Json = Record<string, unknown>;

/** What differs between two maps of the document (paths, schemas): added, removed, changed keys. */
function mapDifference(what: string, committed: Json = {}, current: Json = {}): string[] {
  const all = [...new Set([...Object.keys(committed), ...Object.keys(current)])].sort();
  const added = all.filter((k) => !(k in committed));
  const removed = all.filter((k) => !(k in current));
  const changed = all.filter((k) => k in committed && k in current && JSON.stringify(committed[k]) !== JSON.stringify(current[k]));
  return [
    added.length ? `${what} in the code, not in openapi.json: ${added.join(', ')}` : '',
    removed.length ? `${what} in openapi.json, gone from the code: ${removed.join(', ')}` : '',
    changed.length ? `${what} changed: ${changed.join(', ')}` : '',
  ].filter(Boolean);
}

/** Which paths, schemas or other parts of the document differ (both sides parsed from the committed form). */
function driftSummary(committed: OpenAPIObject, current: OpenAPIObject): string {
  const rest = (doc: OpenAPIObject): Json => ({ ...doc, paths: {}, components: { ...doc.components, schemas: {} } });
  return [
    ...mapDifference('paths', committed.paths, current.paths),
    ...mapDifference('schemas', committed.components?.schemas as Json, current.components?.schemas as Json),
    ...mapDifference('other parts', rest(committed), rest(current)),
  ].join('\n');
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

interface Operation {
  route: string;
  security?: Record<string, unknown>[];
  responses: Record<string, { content?: Record<string, { schema?: unknown }>; headers?: Record<string, unknown> }>;
}

function operationsOf(doc: OpenAPIObject): Operation[] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    METHODS.filter((m) => item[m]).map((m) => ({
      route: `${m.toUpperCase()} ${path}`,
      security: item[m]!.security,
      responses: item[m]!.responses as Operation['responses'],
    })),
  );
}

/**
 * The rule for a success response, whatever the media type:
 * - a 2xx response declares its content, and every media type it declares has a schema: JSON as
 *   `application/json` with its view's schema; a file or page as its own media type with a string
 *   schema (`text/csv` and `text/html` a string, `application/pdf` and images a binary string) —
 *   so a client (and the console generated from this document) knows what a success carries;
 * - except a 204, which has no body by definition, and a redirect (3xx) that declares its
 *   `Location` header, which is the success of a route whose answer is another address.
 */
function successProblem(op: Operation): string | undefined {
  const success = Object.entries(op.responses ?? {}).filter(([status]) => /^[23]\d\d$/.test(status));
  const described = success.some(([status, response]) => {
    if (status === '204') return true;
    if (status.startsWith('3')) return Object.keys(response.headers ?? {}).some((h) => h.toLowerCase() === 'location');
    const media = Object.values(response.content ?? {});
    return media.length > 0 && media.every((m) => m.schema !== undefined);
  });
  if (described) return undefined;
  return success.length ? `no schema in its success response (${success.map(([s]) => s).join(', ')})` : 'no success response';
}

/**
 * The rule for security: every operation declares it. A secured operation lists the schemes it
 * accepts (each one of the document's security schemes); a public one declares the empty
 * requirement `[{}]` (what @Public() writes), so an operation without `security` is a route
 * with no access rule, which the guard closes — a mistake either way.
 */
function securityProblem(op: Operation, schemes: Set<string>): string | undefined {
  if (!op.security?.length) return 'no security declared';
  const unknown = op.security.flatMap((r) => Object.keys(r)).filter((name) => !schemes.has(name));
  if (unknown.length) return `unknown security scheme ${unknown.join(', ')}`;
  if (requiresCredentials(op.security) && op.security.some((r) => Object.keys(r).length === 0)) return 'both public and secured';
  return undefined;
}

describe('the OpenAPI document', () => {
  let fromCode: OpenAPIObject;

  beforeAll(async () => {
    fromCode = await openApiDocumentFromCode();
  });

  // The tests compile with swc, openapi.json comes from the tsc build: a DTO property typed only by
  // its initializer (`limit = 20`) reads as Object under tsc and Number under swc, so DTOs declare
  // the type (`limit: number = 20`) and both compilers give one document.
  it('is the committed openapi.json', () => {
    const committedText = readFileSync(CONTRACT_FILES.document, 'utf8');
    const currentText = openApiJson(fromCode);
    if (committedText !== currentText) {
      const committed = JSON.parse(committedText) as OpenAPIObject;
      throw new Error(
        `openapi.json differs from the code: ${REGENERATE}.\n${driftSummary(committed, JSON.parse(currentText) as OpenAPIObject) || 'formatting only'}`,
      );
    }
  });

  it('is typed for the tests by the committed test/support/api-types.ts', async () => {
    const committed = readFileSync(CONTRACT_FILES.types, 'utf8');
    const current = await apiTypesSource(fromCode);
    if (committed !== current) throw new Error(`test/support/api-types.ts differs from the types of the code's document: ${REGENERATE}.`);
  });

  it('is what the running API serves on its docs page (the preview app builds the real one)', async () => {
    const api = await startApi();
    try {
      const served = (await api.http().get('/api/docs-json').expect(200)).body as OpenAPIObject;
      expect(openApiJson(served)).toBe(openApiJson(fromCode));
    } finally {
      await api.close();
    }
  });

  it('gives every operation a success response with a schema, and its security', () => {
    const operations = operationsOf(fromCode);
    expect(operations.length).toBeGreaterThan(90);
    const schemes = new Set(Object.keys(fromCode.components?.securitySchemes ?? {}));
    expect([...schemes].sort()).toEqual(['api-key', 'bearer', 'session']);
    const failures = operations.flatMap((op) =>
      [successProblem(op), securityProblem(op, schemes)].filter((p): p is string => p !== undefined).map((p) => `${op.route}: ${p}`),
    );
    if (failures.length) throw new Error(`${failures.length} of ${operations.length} operations break the document's rules:\n${failures.join('\n')}`);
  });
});
