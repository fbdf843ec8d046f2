import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import type { SecureContextOptions } from 'node:tls';
import { checkWebhookUrl, hostOf, ResolvedAddress, resolveWebhookHost, Resolver, systemResolver, WebhookAddressRules } from './webhook-address';

export interface WebhookPostOptions {
  rules: WebhookAddressRules;
  resolver?: Resolver;
  /** The whole delivery: name resolution, connection, TLS, request and answer. */
  timeoutMs?: number;
  /** Bytes of the answer read at most; the rest is not waited for. */
  maxResponseBytes?: number;
  /** Extra trusted certificates (tests only; production uses the system's). */
  ca?: SecureContextOptions['ca'];
}

export interface WebhookAnswer {
  status: number;
}

/**
 * A `lookup` for the socket that answers with addresses already checked, so the connection goes
 * exactly where the check said it may: the name is never resolved a second time.
 */
function pinnedLookup(addresses: ResolvedAddress[]): LookupFunction {
  return ((_hostname: string, options: { all?: boolean; family?: number | string }, callback: (...args: unknown[]) => void) => {
    if (options?.all) return callback(null, addresses);
    const family = options?.family === 'IPv6' ? 6 : options?.family === 'IPv4' ? 4 : Number(options?.family ?? 0);
    const chosen = addresses.find((a) => !family || a.family === family);
    if (!chosen) return callback(Object.assign(new Error(`no checked IPv${family} address`), { code: 'ENOTFOUND' }));
    callback(null, chosen.address, chosen.family);
  }) as LookupFunction;
}

/**
 * POSTs a webhook to a URL that passes the address rules, connecting only to the addresses the
 * check approved. TLS still checks the certificate against the host name (SNI and identity come
 * from the URL, not from the address). Redirects are not followed (a 3xx is an answer like any
 * other, not a success), the answer is read up to a cap, and everything is bounded by one timeout.
 * Throws WebhookAddressRefused before any connection when the rules refuse the URL or an address.
 */
export async function postWebhook(
  rawUrl: string,
  headers: Record<string, string>,
  body: string,
  { rules, resolver = systemResolver, timeoutMs = 10_000, maxResponseBytes = 65_536, ca }: WebhookPostOptions,
): Promise<WebhookAnswer> {
  const started = Date.now();
  const url = checkWebhookUrl(rawUrl, rules);
  const addresses = await resolveWebhookHost(url, rules, resolver, timeoutMs);
  const remaining = Math.max(1, timeoutMs - (Date.now() - started));
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;

  return new Promise<WebhookAnswer>((resolve, reject) => {
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      fn();
    };
    const req = send({
      protocol: url.protocol,
      hostname: hostOf(url),
      port: url.port || undefined,
      path: `${url.pathname}${url.search}`,
      method: 'POST',
      headers: { ...headers, 'Content-Length': String(Buffer.byteLength(body)) },
      // A fresh connection per delivery: a pooled socket would have been connected for another check.
      agent: false,
      lookup: pinnedLookup(addresses),
      ...(ca ? { ca } : {}),
    });
    // Until the answer's status arrives, the timeout fails the delivery; after it, it only stops reading.
    let answered: (() => void) | undefined;
    const timer = setTimeout(() => (answered ? answered() : req.destroy(new Error(`no answer within ${Math.round(timeoutMs / 1000)} s`))), remaining);
    req.on('error', (e) => (answered ? answered() : finish(() => reject(e))));
    req.on('response', (res) => {
      const status = res.statusCode ?? 0;
      let size = 0;
      // The status is what counts; the body is read only up to the cap, and a receiver that keeps
      // sending (or stalls after the headers) does not hold the delivery longer than that.
      const done = () =>
        finish(() => {
          res.destroy();
          resolve({ status });
        });
      answered = done;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > maxResponseBytes) done();
      });
      res.on('end', done);
      res.on('error', done);
      res.on('close', done);
    });
    req.end(body);
  });
}
