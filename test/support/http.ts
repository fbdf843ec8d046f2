import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { createApiApp } from '../../apps/api/src/bootstrap';

export interface TestApi {
  app: NestFastifyApplication;
  url: string;
  http: () => ReturnType<typeof request>;
  close: () => Promise<void>;
}

/** The real API application on the run's own database and Redis prefix, listening on a free port. */
export async function startApi(): Promise<TestApi> {
  const app = await createApiApp();
  await app.listen({ port: 0, host: '127.0.0.1' });
  const url = await app.getUrl();
  return { app, url, http: () => request(url), close: () => app.close() };
}
