import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { freePort } from '@mutu/provisioning';
import { startProxy, type RunningProxy } from './proxy';

/** A replica stand-in: answers with its name, or (destroy) drops the connection once it has read the request. */
async function replica(name: string, behaviour: 'answer' | 'destroy' = 'answer'): Promise<{ server: Server; port: number; hits: string[] }> {
  const hits: string[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      hits.push(`${req.method} ${req.url} ${body} ${String(req.headers['x-forwarded-for'])}`);
      if (behaviour === 'destroy') return req.socket.destroy();
      res.writeHead(200, { 'content-type': 'text/plain', 'x-replica': name });
      res.end(name);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, port: (server.address() as AddressInfo).port, hits };
}

describe('prod:local proxy', () => {
  const servers: Server[] = [];
  let proxy: RunningProxy | undefined;
  afterEach(async () => {
    await proxy?.close();
    proxy = undefined;
    await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
  });
  const start = async (ports: (number | undefined)[]) => {
    proxy = await startProxy({ host: '127.0.0.1', port: 0, maxBodyBytes: 1024, upstreams: ports.map((p, i) => ({ name: `api-${i + 1}`, port: () => p })) });
    return `http://127.0.0.1:${proxy.port}`;
  };

  it('spreads requests over the replicas in turn and passes body, status and headers', async () => {
    const [a, b] = [await replica('a'), await replica('b')];
    servers.push(a.server, b.server);
    const url = await start([a.port, b.port]);
    const seen: string[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await fetch(`${url}/programs?x=${i}`, { method: 'POST', body: `body-${i}` });
      expect(res.status).toBe(200);
      seen.push(res.headers.get('x-replica')!);
    }
    expect(seen.sort()).toEqual(['a', 'a', 'b', 'b']);
    expect(a.hits[0]).toMatch(/^POST \/programs\?x=\d body-\d 127\.0\.0\.1$/);
  });

  it('sends a request whose connection was refused to the live replica, then skips the dead one', async () => {
    const live = await replica('live');
    servers.push(live.server);
    const url = await start([await freePort(), live.port]);
    for (let i = 0; i < 4; i++) expect(await (await fetch(`${url}/health`, { method: 'POST', body: 'x' })).text()).toBe('live');
    expect(live.hits).toHaveLength(4);
    expect(proxy!.stats.failovers).toBe(1);
  });

  it('does not send a command again once a replica may have acted on it, unless it carries an Idempotency-Key', async () => {
    const [dying, live] = [await replica('dying', 'destroy'), await replica('live')];
    servers.push(dying.server, live.server);
    const url = await start([dying.port, live.port]);
    const plain = await fetch(`${url}/programs`, { method: 'POST', body: 'cmd' });
    expect(plain.status).toBe(502);
    expect(await plain.json()).toMatchObject({ code: 'UPSTREAM_FAILED' });
    expect(live.hits).toHaveLength(0);

    // Past the second it is skipped, and one turn later the dying replica is first in line again.
    await new Promise((r) => setTimeout(r, 1_100));
    expect((await fetch(`${url}/health`)).status).toBe(200);
    const keyed = await fetch(`${url}/programs`, { method: 'POST', body: 'cmd', headers: { 'idempotency-key': 'k-1' } });
    expect(keyed.status).toBe(200);
    expect(dying.hits).toHaveLength(2);
    expect(live.hits).toHaveLength(2);
  });

  it('answers 503 with Retry-After when no replica is up, and 413 past the body limit', async () => {
    const url = await start([await freePort(), undefined]);
    const none = await fetch(`${url}/health`);
    expect(none.status).toBe(503);
    expect(none.headers.get('retry-after')).toBe('1');
    expect(await none.json()).toMatchObject({ code: 'NO_API_REPLICA' });
    expect((await fetch(`${url}/x`, { method: 'POST', body: 'x'.repeat(2048) })).status).toBe(413);
  });
});
