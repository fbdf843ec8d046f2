import fastifyCookie from '@fastify/cookie';
import formBody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { AllExceptionsFilter, AppConfig, createValidationPipe, loadConfig, MAX_PATH_PARAMETER_LENGTH, parseTrustProxy, RequestTextPipe } from '@app/shared';
import { AppModule } from './app.module';
import { serveConsole } from './console/console-site';
import { buildOpenApiDocument } from './openapi';
import { routerError } from './router-errors';

const CLIENT_REQUEST_ID = /^[A-Za-z0-9._:-]{8,100}$/;

/** A client's X-Request-Id is kept when it is sane, so a request can be followed across systems. */
function requestIdOf(raw: IncomingMessage): string {
  const given = raw.headers['x-request-id'];
  const id = typeof given === 'string' && CLIENT_REQUEST_ID.test(given) ? given : randomUUID();
  (raw as IncomingMessage & { id?: string }).id = id; // read by the JSON logger (pino-http) so log lines and responses share it
  return id;
}

/**
 * Fastify's trustProxy for TRUST_PROXY: request.ip (and so Nest's @Ip()) is then the client
 * address every limit and counterfeit signal uses. A hop count is given as a function, because
 * Fastify reads a plain number as "trust nobody" (it cannot check who the nearest peer is).
 */
function trustProxyOption(value: string | undefined): boolean | string[] | ((address: string, hop: number) => boolean) {
  const trusted = parseTrustProxy(value);
  switch (trusted.kind) {
    case 'none':
      return false;
    case 'addresses':
      return trusted.ranges;
    case 'hops':
      return (_address, hop) => hop < trusted.hops;
  }
}

/** Builds the HTTP application; main.ts listens, tests drive it through supertest. */
export async function createApiApp(config: AppConfig = loadConfig()): Promise<NestFastifyApplication> {
  // maxParamLength: a signed QR token in the path is about 200 characters (Fastify's default limit is 100);
  // the router admits far longer parameters so that RequestTextPipe can refuse one past 1024 by its name.
  const adapter = new FastifyAdapter({
    genReqId: requestIdOf,
    bodyLimit: 1_048_576,
    routerOptions: { maxParamLength: 8 * MAX_PATH_PARAMETER_LENGTH },
    frameworkErrors: routerError,
    trustProxy: trustProxyOption(config.TRUST_PROXY),
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule, adapter, { bufferLogs: true, bodyParser: false });
  app.useLogger(app.get(Logger));
  // Characters PostgreSQL cannot store are refused first, on every route, so no DTO can forget them.
  app.useGlobalPipes(new RequestTextPipe(), createValidationPipe());
  app.useGlobalFilters(new AllExceptionsFilter());
  app.enableShutdownHooks();

  const fastify = app.getHttpAdapter().getInstance();
  // Clients (and docs tools) often send Content-Type: application/json with an empty body on
  // actions such as POST /submit: read that as {} instead of refusing it.
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) =>
    body === '' ? done(null, {}) : parseJson(request, body as string, done),
  );
  // The misuse-report form on the pages posts application/x-www-form-urlencoded (no script on the pages).
  await app.register(formBody, { bodyLimit: 65_536 });
  // The console's session cookie (read by the access guard; set and cleared by /api/v1/auth/session).
  await app.register(fastifyCookie);
  // Evidence uploads (multipart/form-data): tight limits for any route; the upload route sets its
  // own file size from EVIDENCE_MAX_BYTES and refuses an oversize file itself, by name.
  await app.register(multipart, {
    throwFileSizeLimit: false,
    limits: { fileSize: config.EVIDENCE_MAX_BYTES + 1, files: 1, fields: 1, parts: 2, fieldNameSize: 100, fieldSize: 1024, headerPairs: 20 },
  });
  fastify.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
    // Answers are live (a status is never shown more than a second after it changed) and often
    // private: no browser or proxy may keep them. Routes that can be cached say so themselves.
    reply.header('cache-control', 'no-store');
  });
  await serveConsole(app);
  SwaggerModule.setup('api/docs', app, () => buildOpenApiDocument(app), {
    jsonDocumentUrl: 'api/docs-json',
    swaggerOptions: { persistAuthorization: true },
  });
  return app;
}
