import { randomUUID } from 'node:crypto';
import { connect } from 'node:net';
import { DataSource } from 'typeorm';
import { requiresCredentials } from '@app/identity';
import { toErrorBody } from '@app/shared';
import { TestUser, member, organization, regulator } from './support/actors';
import { startApi, TestApi } from './support/http';
import { schemeWorld } from './support/scheme';

interface Schema {
  $ref?: string;
  type?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
  enum?: unknown[];
}

interface Operation {
  method: string;
  path: string;
  secured: boolean;
  html: boolean;
  roles: string[];
  pathParams: string[];
  queryParams: string[];
  bodySchema?: Schema;
}

interface Doc {
  paths: Record<
    string,
    Record<
      string,
      {
        security?: Record<string, unknown>[];
        tags?: string[];
        parameters?: { name: string; in: string }[];
        requestBody?: { content?: Record<string, { schema?: Schema }> };
        responses?: Record<string, { description?: string }>;
      }
    >
  >;
  components?: { schemas?: Record<string, Schema> };
}

const NUL = 'a\u0000b';
const NUL_REASON = 'must not contain the NUL character (U+0000)';

/** Resolves `$ref` (and the first branch of allOf/oneOf/anyOf) into the schema it stands for. */
function resolve(doc: Doc, s: Schema | undefined): Schema {
  if (!s) return {};
  if (s.$ref) return resolve(doc, doc.components?.schemas?.[s.$ref.split('/').pop()!]);
  const branch = s.allOf?.[0] ?? s.oneOf?.[0] ?? s.anyOf?.[0];
  if (branch && !s.properties && !s.type) return resolve(doc, branch);
  return s;
}

/**
 * A body shaped after the schema with `text` in every string property; `paths` collects where
 * those strings are, named as the API names fields (`scope.products[0].models[0]`).
 */
function sampleBody(doc: Doc, schema: Schema | undefined, text: string, at = '', paths: string[] = [], depth = 0): unknown {
  const s = resolve(doc, schema);
  if (depth > 6) return undefined;
  if (s.type === 'string' || (!s.type && !s.properties && s.enum?.every((v) => typeof v === 'string'))) {
    paths.push(at);
    return text;
  }
  if (s.type === 'integer' || s.type === 'number') return 1;
  if (s.type === 'boolean') return true;
  if (s.type === 'array') return [sampleBody(doc, s.items, text, `${at}[0]`, paths, depth + 1)];
  if (s.properties) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(s.properties)) out[k] = sampleBody(doc, v, text, at ? `${at}.${k}` : k, paths, depth + 1);
    return out;
  }
  return {};
}

function operationsOf(doc: Doc): Operation[] {
  return Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => {
      const forbidden = op.responses?.['403']?.description ?? '';
      const roles = /Needs one of the roles: (.*)$/.exec(forbidden)?.[1].split(', ') ?? [];
      return {
        method,
        path,
        secured: requiresCredentials(op.security),
        html: Boolean(op.tags?.includes('public pages (HTML)')),
        roles,
        pathParams: (op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name),
        queryParams: (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
        bodySchema: op.requestBody?.content?.['application/json']?.schema,
      };
    }),
  );
}

describe('bad input is a 400 naming the field, never a 500', () => {
  let api: TestApi;
  let doc: Doc;
  let operations: Operation[];
  const actors = new Map<string, TestUser>();

  beforeAll(async () => {
    api = await startApi();
    doc = (await api.http().get('/api/docs-json').expect(200)).body;
    operations = operationsOf(doc);
    const reg = await regulator(api);
    const world = await schemeWorld(api, reg);
    const enterprise = await organization(api, reg, 'enterprise');
    actors.set('regulator', reg);
    actors.set('cb_admin', world.cbAdmin);
    actors.set('reviewer', world.reviewer);
    actors.set('auditor', await member(api, world.cbAdmin, ['auditor']));
    actors.set('decision_maker', await member(api, world.cbAdmin, ['decision_maker']));
    actors.set('enterprise_admin', enterprise);
    actors.set('enterprise_member', await member(api, enterprise, ['enterprise_member']));
    actors.set('association_admin', await organization(api, reg, 'association'));
  });
  afterAll(() => api?.close());

  /** Credentials of a caller the route lets in: the first documented role, else the regulator. */
  function credentialsFor(op: Operation): Record<string, string> {
    if (!op.secured) return {};
    const actor = actors.get(op.roles.find((r) => actors.has(r)) ?? 'regulator')!;
    return actor.auth;
  }

  function call(op: Operation, url: string) {
    return api.http()[op.method as 'get'](url).set(credentialsFor(op));
  }

  const urlOf = (op: Operation, values: Record<string, string> = {}) => op.path.replace(/\{([^}]+)\}/g, (_, name: string) => values[name] ?? randomUUID());

  /** What a route answered, labelled with the route so a failure says which one. */
  function outcome(op: Operation, what: string, res: { status: number; body: { fields?: { field: string; reasons: string[] }[] }; type: string }) {
    return {
      route: `${op.method.toUpperCase()} ${op.path} (${what})`,
      status: res.status,
      ...(op.html ? { type: res.type } : { fields: (res.body.fields ?? []).map((f) => f.field) }),
    };
  }

  function expected(op: Operation, what: string, fields: string[]) {
    return { route: `${op.method.toUpperCase()} ${op.path} (${what})`, status: 400, ...(op.html ? { type: 'text/html' } : { fields }) };
  }

  it('walks a documented API of the expected size', () => {
    expect(operations.length).toBeGreaterThan(80);
    expect(operations.filter((o) => o.pathParams.length).length).toBeGreaterThan(40);
    expect(operations.filter((o) => o.bodySchema).length).toBeGreaterThan(30);
  });

  it('answers 400 naming the path parameter that carries a NUL, on every operation', async () => {
    for (const op of operations.filter((o) => o.pathParams.length)) {
      for (const p of op.pathParams) {
        const res = await call(op, urlOf(op, { [p]: 'a%00b' })).send();
        expect(outcome(op, `path ${p}`, res)).toEqual(expected(op, `path ${p}`, [p]));
        if (!op.html) expect(res.body).toMatchObject({ error: 'VALIDATION_FAILED', fields: [{ field: p, reasons: [NUL_REASON] }] });
      }
    }
  });

  it('answers 400 naming the query parameter that carries a NUL, on every operation', async () => {
    for (const op of operations.filter((o) => o.queryParams.length)) {
      for (const q of op.queryParams) {
        const res = await call(op, `${urlOf(op)}?${q}=a%00b`).send();
        expect(outcome(op, `query ${q}`, res)).toEqual(expected(op, `query ${q}`, [q]));
      }
    }
  });

  it('answers 400 naming every string property of a JSON body that carries a NUL, on every operation', async () => {
    for (const op of operations.filter((o) => o.bodySchema)) {
      const paths: string[] = [];
      const body = sampleBody(doc, op.bodySchema, NUL, '', paths) as Record<string, unknown>;
      // A body without strings (e.g. only a quantity) still has keys: a key with a NUL is refused the same way.
      if (!paths.length) {
        body['key\u0000'] = 'x';
        paths.push('key\\u0000');
      }
      const res = await call(op, urlOf(op)).send(body);
      expect(outcome(op, 'body', res)).toEqual(expected(op, 'body', paths));
    }
  });

  it('refuses a lone UTF-16 surrogate in a JSON string the same way', async () => {
    for (const op of operations.filter((o) => o.bodySchema)) {
      const paths: string[] = [];
      // Sent as raw JSON: the escape \ud800 alone is valid JSON but not a Unicode character.
      const body = sampleBody(doc, op.bodySchema, 'LONE', '', paths) as Record<string, unknown>;
      if (!paths.length) continue;
      const raw = JSON.stringify(body).replace(/LONE/g, 'a\\ud800b');
      const res = await call(op, urlOf(op)).set('Content-Type', 'application/json').send(raw);
      expect(outcome(op, 'body', res)).toEqual(expected(op, 'body', paths));
    }
  });

  it('answers a wrong JSON type, an unknown body field and a 5,000-character path id with a 4xx naming it, never a 5xx', async () => {
    for (const op of operations) {
      if (op.bodySchema) {
        const paths: string[] = [];
        const body = sampleBody(doc, op.bodySchema, 'text', '', paths) as Record<string, unknown>;
        const first = paths.find((p) => /^\w+$/.test(p));
        if (first) {
          const res = await call(op, urlOf(op)).send({ ...body, [first]: 12345 });
          expect({
            route: `${op.method} ${op.path}`,
            status: res.status < 500 && res.status >= 400,
            fields: (res.body.fields ?? []).map((f: { field: string }) => f.field).includes(first),
          }).toEqual({ route: `${op.method} ${op.path}`, status: true, fields: !op.html });
        }
        const unknown = await call(op, urlOf(op)).send({ ...body, notAField: 'x' });
        expect({
          route: `${op.method} ${op.path}`,
          status: unknown.status,
          fields: (unknown.body.fields ?? []).map((f: { field: string }) => f.field).includes('notAField'),
        }).toEqual({ route: `${op.method} ${op.path}`, status: 400, fields: !op.html });
      }
      for (const p of op.pathParams) {
        const res = await call(op, urlOf(op, { [p]: 'x'.repeat(5000) })).send();
        expect(outcome(op, `5,000 characters in ${p}`, res)).toEqual(expected(op, `5,000 characters in ${p}`, [p]));
      }
    }
  });

  it('writes nothing when a create is refused for a NUL', async () => {
    const reg = actors.get('regulator')!;
    const cb = actors.get('cb_admin')!;
    const before = (await api.http().get('/api/v1/webhooks').set(cb.auth).expect(200)).body;
    await api.http().post('/api/v1/webhooks').set(cb.auth).send({ url: 'https://example.com/hook', description: 'x\u0000y' }).expect(400);
    expect((await api.http().get('/api/v1/webhooks').set(cb.auth).expect(200)).body).toEqual(before);
    const categories = (await api.http().get('/api/v1/categories').set(reg.auth).expect(200)).body;
    await api.http().post('/api/v1/categories').set(reg.auth).send({ code: 'NUL1', nameZh: '类\u0000别', nameEn: 'Nul', pilot: false }).expect(400);
    expect((await api.http().get('/api/v1/categories').set(reg.auth).expect(200)).body).toEqual(categories);
  });

  it("answers the pages with an HTML 400 in the reader's language", async () => {
    for (const [url, lang, field] of [
      ['/registry/%00', 'zh', 'number'],
      ['/registry/%00?lang=en', 'en', 'number'],
      ['/v/%00', 'zh', 'token'],
      ['/verify?code=%00&lang=en', 'en', 'code'],
      ['/registry?q=%00', 'zh', 'q'],
      ['/report?code=%00', 'zh', 'code'],
    ]) {
      const res = await api.http().get(url);
      const named = new RegExp(`(有误的输入项：|Not valid:) <code>${field}</code>`).test(res.text);
      expect({ url, status: res.status, type: res.type, lang: /<html lang="([a-z]+)/.exec(res.text)?.[1]?.slice(0, 2), named }).toEqual({
        url,
        status: 400,
        type: 'text/html',
        lang,
        named: true,
      });
    }
    const form = await api.http().post('/report').type('form').send({ code: 'SZS-2026-000001-6', description: '假冒\u0000标志', lang: 'en' });
    expect({ status: form.status, type: form.type }).toEqual({ status: 400, type: 'text/html' });
    expect(form.text).toContain('lang="en');
    expect(form.text).toContain('Not valid: <code>description</code>');
  });

  it("answers a path the router cannot take (bad percent-encoding, a parameter past any limit) in the platform's own shape", async () => {
    const reg = actors.get('regulator')!;
    const bad = await api.http().get('/api/v1/organizations/%ED%A0%80').set(reg.auth);
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ error: 'VALIDATION_FAILED', fields: [{ field: 'path' }], requestId: bad.headers['x-request-id'] });
    const huge = await api.http().get(`/api/v1/registry/certificates/${'x'.repeat(10_000)}`);
    expect(huge.status).toBe(414);
    expect(huge.body).toMatchObject({ statusCode: 414, error: 'URI_TOO_LONG', requestId: huge.headers['x-request-id'] });
    expect(huge.text.length).toBeLessThan(500); // the path is not echoed back
    for (const url of ['/registry/%FF?lang=en', `/v/${'x'.repeat(10_000)}`]) {
      const page = await api.http().get(url);
      expect({ url: url.slice(0, 20), status: page.status < 500 && page.status >= 400, type: page.type }).toEqual({
        url: url.slice(0, 20),
        status: true,
        type: 'text/html',
      });
    }
    expect((await api.http().get('/registry/%FF?lang=en')).text).toContain('lang="en');
  });

  it('never lets a NUL in a credential header reach a handler: the HTTP parser refuses it', async () => {
    const { port } = new URL(api.url);
    for (const header of ['X-API-Key: szs_a\u0000b', 'Authorization: Bearer a\u0000b']) {
      const answer = await new Promise<string>((done, fail) => {
        const socket = connect(Number(port), '127.0.0.1', () => socket.end(`GET /api/v1/auth/me HTTP/1.1\r\nHost: x\r\n${header}\r\n\r\n`));
        let text = '';
        socket.on('data', (d) => (text += d.toString('latin1')));
        socket.on('end', () => done(text));
        socket.on('error', fail);
      });
      expect({ header: header.split(':')[0], status: answer.split('\r\n')[0] }).toEqual({ header: header.split(':')[0], status: 'HTTP/1.1 400 Bad Request' });
    }
  });

  it('maps a character PostgreSQL refuses, should one reach it, to 400', async () => {
    const db = api.app.get(DataSource);
    const err = await db.query(`SELECT $1::jsonb AS v`, ['"\\u0000"']).catch((e: unknown) => e);
    expect(toErrorBody(err)).toMatchObject({ statusCode: 400, error: 'VALIDATION_FAILED' });
    const bytes = await db.query(`SELECT convert_from('\\x00'::bytea, 'UTF8') AS v`).catch((e: unknown) => e);
    expect(toErrorBody(bytes)).toMatchObject({ statusCode: 400, error: 'VALIDATION_FAILED' });
  });
});
