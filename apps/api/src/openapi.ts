import { SESSION_COOKIE } from '@app/identity';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { NestFactory } from '@nestjs/core';
import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { AppModule } from './app.module';

/**
 * The OpenAPI document of the API, read from the controllers' decorators. The docs page serves
 * it, `npm run openapi` commits it (openapi.json), and a test compares the two.
 */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Shenzhen Standard certification platform')
    .setDescription(
      '深圳标准认证平台 API. Log in with POST /api/v1/auth/login, then "Authorize" with the token. ' +
        'Errors are JSON: {statusCode, error, message, fields?, requestId}.',
    )
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, 'bearer')
    .addApiKey({ type: 'apiKey', in: 'header', name: 'X-API-Key' }, 'api-key')
    .addCookieAuth(
      SESSION_COOKIE,
      {
        type: 'apiKey',
        in: 'cookie',
        description: 'The console session (POST /api/v1/auth/session); changes made with it must send `X-Requested-With: console`',
      },
      'session',
    )
    .build();
  return SwaggerModule.createDocument(app, config);
}

/**
 * The document without a running database or Redis: Nest's preview mode wires the modules and
 * reads the controllers' metadata without calling any provider's factory (so no connection is
 * opened and no environment variable is read).
 */
export async function openApiDocumentFromCode(): Promise<OpenAPIObject> {
  const app = await NestFactory.create(AppModule, new FastifyAdapter(), { preview: true, logger: false, abortOnError: false });
  try {
    return buildOpenApiDocument(app);
  } finally {
    await app.close();
  }
}

/** The committed form: keys sorted at every level, 2-space JSON, a final newline — so moving a controller changes no byte. */
export function openApiJson(document: OpenAPIObject): string {
  return `${JSON.stringify(sortKeys(document), null, 2)}\n`;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
  );
}
