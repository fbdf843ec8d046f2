import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply } from 'fastify';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Where `npm run build` puts the console (vite's outDir): dist/console, beside the compiled API
 * (dist/apps/api/src/console/ → dist/console) or, when the API runs from its sources (the tests), under the repository's dist/.
 */
const ABOVE_APPS = join(__dirname, '..', '..', '..', '..');
export const CONSOLE_DIR =
  [join(ABOVE_APPS, 'console'), join(ABOVE_APPS, 'dist', 'console')].find((dir) => existsSync(join(dir, 'index.html'))) ?? join(ABOVE_APPS, 'console');

/** Replaced in index.html by each answer's nonce: the console hands it to Ant Design's style injection. */
const NONCE_PLACEHOLDER = '__CSP_NONCE__';

/**
 * No inline script at all. Style sheets only from our files or <style> elements carrying this
 * answer's nonce (Ant Design writes its styles at run time and is given the nonce). Style
 * *attributes* are allowed: Ant Design's components (text areas that grow, steps, uploads) set
 * them while they run, and an attribute can restyle an element but never run code.
 */
function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    `style-src 'self' 'nonce-${nonce}'`,
    `style-src-elem 'self' 'nonce-${nonce}'`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
  ].join('; ');
}

function sendIndex(reply: FastifyReply, template: string | null): FastifyReply {
  void reply.header('X-Content-Type-Options', 'nosniff').header('Referrer-Policy', 'same-origin').header('Cache-Control', 'no-cache');
  if (template === null) {
    return reply
      .status(503)
      .header('Retry-After', '60')
      .type('text/plain; charset=utf-8')
      .send('The console is not built: run `npm run build` (npm start does it).');
  }
  const nonce = randomBytes(16).toString('base64');
  return reply
    .header('Content-Security-Policy', contentSecurityPolicy(nonce))
    .type('text/html; charset=utf-8')
    .send(template.replaceAll(NONCE_PLACEHOLDER, nonce));
}

/**
 * The console is a single-page app under /console: hashed assets are cached for a year (a new
 * build has new names), index.html never without asking again, and every other path under
 * /console is one of the app's own routes, answered with index.html.
 */
export async function serveConsole(app: NestFastifyApplication, dir = CONSOLE_DIR): Promise<void> {
  const indexFile = join(dir, 'index.html');
  const template = existsSync(indexFile) ? readFileSync(indexFile, 'utf8') : null;
  const fastify = app.getHttpAdapter().getInstance();
  if (template !== null) {
    await app.register(fastifyStatic, {
      root: join(dir, 'assets'),
      prefix: '/console/assets/',
      decorateReply: false,
      index: false,
      wildcard: true,
      immutable: true,
      maxAge: '365d',
    });
  }
  fastify.get('/console', (_request, reply) => sendIndex(reply, template));
  fastify.get('/console/*', (request, reply) => {
    // A missing hashed asset is a 404, not the app: a stale tab asking for an old chunk must fail loudly.
    if (request.url.startsWith('/console/assets/')) return reply.status(404).type('text/plain; charset=utf-8').send('Not found');
    return sendIndex(reply, template);
  });
}
