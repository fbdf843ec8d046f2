import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { createApiApp } from '../../apps/api/src/bootstrap';
import { Method, TypedCall, typedCalls } from './api';

export type TestApi = {
  app: NestFastifyApplication;
  url: string;
  /** supertest, for what the document does not describe (bad input, headers, pages) */
  http: () => ReturnType<typeof request>;
  close: () => Promise<void>;
} & { [M in Method]: TypedCall<M> }; // typed by the OpenAPI document: api.get('/api/v1/audits/{id}', { params, auth, expect: 200 })

/**
 * Settings for a suite that files public complaints or misuse reports from 127.0.0.1: the run's
 * address shares one quota across suites (Redis prefix per run), so such suites raise it; the limits
 * themselves are tested on APIs of their own.
 */
export const PUBLIC_FILING_QUOTAS = { COMPLAINT_LIMIT: '1000', MISUSE_REPORT_LIMIT: '1000' };

/**
 * The real API application on the run's own database and Redis prefix, listening on a free port;
 * `env` overrides settings for this application only (the process environment is restored).
 */
export async function startApi(env: Record<string, string> = {}): Promise<TestApi> {
  const saved = { ...process.env };
  Object.assign(process.env, env);
  let app: NestFastifyApplication;
  try {
    app = await createApiApp();
  } finally {
    process.env = saved;
  }
  await app.listen({ port: 0, host: '127.0.0.1' });
  const url = await app.getUrl();
  const http = () => request(url);
  return { app, url, http, close: () => app.close(), ...typedCalls(http) };
}
