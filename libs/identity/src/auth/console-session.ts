// The cookie plugin's types add request.cookies and reply.setCookie to Fastify's.
import type {} from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * The console's session: the same signed token a login answers, kept in an HttpOnly cookie so no
 * script (nor an injected one) can read it. No Expires/Max-Age: the browser keeps it across reloads
 * and forgets it when it closes; the token inside still expires after JWT_TTL.
 */
export const SESSION_COOKIE = 'szs_session';

/**
 * A cookie travels with every request the browser makes, so a state-changing request that rides
 * on it must also carry this header: a page on another site cannot add it without a CORS preflight,
 * which this API never grants (SameSite=Strict is the first wall, this the second).
 */
export const CONSOLE_HEADER = 'x-requested-with';
export const CONSOLE_HEADER_VALUE = 'console';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function sessionTokenOf(request: FastifyRequest): string | undefined {
  const token = request.cookies?.[SESSION_COOKIE];
  return token ? token : undefined;
}

/** Whether a cookie-authenticated request may change state: safe methods always, others only with the console's header. */
export function sessionRequestAllowed(request: FastifyRequest): boolean {
  return SAFE_METHODS.has(request.method) || request.headers[CONSOLE_HEADER] === CONSOLE_HEADER_VALUE;
}

export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string): void {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'strict',
    // Secure whenever the client reached us over HTTPS (request.protocol honours TRUST_PROXY).
    secure: request.protocol === 'https',
    path: '/',
  });
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'strict', secure: request.protocol === 'https', path: '/' });
}
