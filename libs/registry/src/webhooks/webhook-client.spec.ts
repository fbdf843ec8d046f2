import { parseNetworkList } from '@app/shared';
import { readFileSync } from 'node:fs';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { ResolvedAddress, WebhookAddressRefused, WebhookAddressRules } from './webhook-address';
import { postWebhook } from './webhook-client';

const TLS = join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'webhook-tls');
/** The receivers of these specs listen on 127.0.0.1, which the operator allow-list opens here. */
const local: WebhookAddressRules = { allowedNetworks: parseNetworkList('127.0.0.1/32'), httpsOnly: false };
const closed: WebhookAddressRules = { allowedNetworks: [], httpsOnly: false };

interface Receiver {
  server: Server;
  port: number;
  connections: number;
  requests: { url: string; host: string; body: string }[];
}

async function receiver(answer: (req: IncomingMessage, res: ServerResponse) => void, server: Server = createServer()): Promise<Receiver> {
  const r: Receiver = { server, port: 0, connections: 0, requests: [] };
  server.on('connection', () => r.connections++);
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      r.requests.push({ url: req.url ?? '', host: req.headers.host ?? '', body });
      answer(req, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  r.port = (server.address() as AddressInfo).port;
  return r;
}

const close = (r: Receiver) =>
  new Promise<void>((resolve) => {
    r.server.closeAllConnections?.();
    r.server.close(() => resolve());
  });

/** A DNS that answers as told, and counts how often it is asked. */
function dns(...answers: string[][]) {
  const resolver = async (): Promise<ResolvedAddress[]> => {
    const answer = answers[Math.min(resolver.calls, answers.length - 1)];
    resolver.calls++;
    return answer.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };
  resolver.calls = 0;
  return resolver;
}

describe('webhook delivery client', () => {
  let r: Receiver;
  afterEach(() => r && close(r));

  it('connects to the address it checked, sends the host name, and never asks DNS again (rebinding)', async () => {
    r = await receiver((_, res) => res.writeHead(204).end());
    // The first answer passes the rules; a rebinding DNS would answer a private address next.
    const resolver = dns(['127.0.0.1'], ['10.0.0.5']);
    const answer = await postWebhook(`http://receiver.test:${r.port}/hooks?x=1`, { 'X-Test': '1' }, '{"a":1}', { rules: local, resolver });
    expect(answer.status).toBe(204);
    expect(resolver.calls).toBe(1);
    expect(r.requests).toEqual([{ url: '/hooks?x=1', host: `receiver.test:${r.port}`, body: '{"a":1}' }]);
  });

  it('makes no connection when the name resolves to a refused address', async () => {
    r = await receiver((_, res) => res.writeHead(204).end());
    const attempt = postWebhook(`http://receiver.test:${r.port}/`, {}, '{}', { rules: closed, resolver: dns(['127.0.0.1']) });
    await expect(attempt).rejects.toThrow(WebhookAddressRefused);
    await expect(attempt).rejects.toThrow('receiver.test resolves to 127.0.0.1, a loopback address');
    await expect(postWebhook(`http://127.0.0.1:${r.port}/`, {}, '{}', { rules: closed })).rejects.toThrow('127.0.0.1 is a loopback address');
    expect(r.connections).toBe(0);
  });

  it('does not follow a redirect: the 3xx is the answer', async () => {
    r = await receiver((req, res) => (req.url === '/moved' ? res.writeHead(302, { Location: '/elsewhere' }).end() : res.writeHead(204).end()));
    const answer = await postWebhook(`http://127.0.0.1:${r.port}/moved`, {}, '{}', { rules: local });
    expect(answer.status).toBe(302);
    expect(r.requests.map((q) => q.url)).toEqual(['/moved']);
  });

  it('reads no more of an answer than the cap, however much the receiver sends', async () => {
    r = await receiver((_, res) => {
      res.writeHead(500);
      const chunk = 'x'.repeat(16_384);
      const pump = () => {
        while (res.write(chunk));
      };
      res.on('drain', pump);
      pump(); // never ends on its own
    });
    const answer = await postWebhook(`http://127.0.0.1:${r.port}/`, {}, '{}', { rules: local, maxResponseBytes: 65_536 });
    expect(answer.status).toBe(500);
  });

  it('gives up on a receiver that does not answer in time', async () => {
    r = await receiver(() => undefined);
    await expect(postWebhook(`http://127.0.0.1:${r.port}/`, {}, '{}', { rules: local, timeoutMs: 300 })).rejects.toThrow('no answer within');
  });

  describe('over TLS', () => {
    const cert = readFileSync(join(TLS, 'receiver.test.crt'));
    const key = readFileSync(join(TLS, 'receiver.test.key'));
    let servername: string | undefined;
    const tlsReceiver = () => {
      const server = createTlsServer({ cert, key });
      server.on('secureConnection', (socket) => (servername = (socket as { servername?: string }).servername));
      return receiver((_, res) => res.writeHead(200).end('ok'), server);
    };

    it('checks the certificate against the host name (SNI too), not the address it connects to', async () => {
      r = await tlsReceiver();
      const answer = await postWebhook(`https://receiver.test:${r.port}/`, {}, '{}', { rules: local, resolver: dns(['127.0.0.1']), ca: cert });
      expect(answer.status).toBe(200);
      expect(servername).toBe('receiver.test');
    });

    it('refuses a certificate for another name, and an untrusted one', async () => {
      r = await tlsReceiver();
      await expect(postWebhook(`https://other.test:${r.port}/`, {}, '{}', { rules: local, resolver: dns(['127.0.0.1']), ca: cert })).rejects.toThrow(
        /does not match certificate's altnames/,
      );
      await expect(postWebhook(`https://receiver.test:${r.port}/`, {}, '{}', { rules: local, resolver: dns(['127.0.0.1']) })).rejects.toThrow(
        /self[- ]signed certificate/,
      );
      expect(r.requests).toEqual([]);
    });
  });
});
