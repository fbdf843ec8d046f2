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

/** The real API application on the run's own database and Redis prefix, listening on a free port. */
export async function startApi(): Promise<TestApi> {
  const app = await createApiApp();
  await app.listen({ port: 0, host: '127.0.0.1' });
  const url = await app.getUrl();
  const http = () => request(url);
  return { app, url, http, close: () => app.close(), ...typedCalls(http) };
}
