import { createServer, request, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';

export interface ProxyUpstream {
  name: string;
  /** undefined while the replica is not running. */
  port(): number | undefined;
}

export interface ProxyOptions {
  host: string;
  port: number;
  upstreams: ProxyUpstream[];
  /** Bodies are held in memory so a request can go to another replica: larger ones answer 413. */
  maxBodyBytes: number;
}

export interface RunningProxy {
  port: number;
  stats: { requests: number; failovers: number; unavailable: number };
  close(): Promise<void>;
}

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade', 'te', 'trailer']);
/** After a refused connection a replica is skipped for this long (it is restarting). */
const DOWN_FOR_MS = 1_000;

/**
 * The one public port in front of the API replicas (what nginx does in production, see
 * deploy/nginx.conf): round robin, and a request that could not reach a replica goes to the next
 * one. A request is sent again only when no replica can have acted on it: the connection was
 * refused, or it carries an Idempotency-Key or a method without effects.
 */
export async function startProxy(options: ProxyOptions): Promise<RunningProxy> {
  const stats = { requests: 0, failovers: 0, unavailable: 0 };
  const downUntil = new Map<string, number>();
  let next = 0;

  const order = (): ProxyUpstream[] => {
    const n = options.upstreams.length;
    const start = next++ % n;
    const rotated = [...options.upstreams.slice(start), ...options.upstreams.slice(0, start)];
    const now = Date.now();
    const up = rotated.filter((u) => u.port() !== undefined && (downUntil.get(u.name) ?? 0) <= now);
    return up.length > 0 ? up : rotated.filter((u) => u.port() !== undefined);
  };

  const server = createServer((req, res) => {
    stats.requests++;
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > options.maxBodyBytes) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => {
      if (tooLarge) return answer(res, 413, 'PAYLOAD_TOO_LARGE', 'request body too large');
      void forward(req, res, Buffer.concat(chunks));
    });
    req.on('error', () => res.destroy());
  });

  const forward = async (req: IncomingMessage, res: ServerResponse, body: Buffer) => {
    const headers = forwardedHeaders(req);
    const retriable = req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS' || req.headers['idempotency-key'] !== undefined;
    const candidates = order();
    for (let i = 0; i < candidates.length; i++) {
      const upstream = candidates[i];
      const port = upstream.port();
      if (port === undefined) continue;
      const outcome = await attempt(port, req, res, headers, body);
      if (outcome === 'answered') return;
      downUntil.set(upstream.name, Date.now() + DOWN_FOR_MS);
      if (outcome === 'failed-after-send' && !retriable) return answer(res, 502, 'UPSTREAM_FAILED', 'the API replica failed while handling the request; retry with an Idempotency-Key');
      if (i < candidates.length - 1) stats.failovers++;
    }
    stats.unavailable++;
    answer(res, 503, 'NO_API_REPLICA', 'no API replica is reachable', { 'retry-after': '1' });
  };

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return {
    port,
    stats,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

type Outcome = 'answered' | 'refused' | 'failed-after-send';

function attempt(port: number, req: IncomingMessage, res: ServerResponse, headers: IncomingHttpHeaders, body: Buffer): Promise<Outcome> {
  return new Promise((resolve) => {
    let connected = false;
    const upstream = request({ host: '127.0.0.1', port, method: req.method, path: req.url, headers: { ...headers, 'content-length': String(body.length) } }, (up) => {
      const out: Record<string, string | string[]> = {};
      for (const [k, v] of Object.entries(up.headers)) if (v !== undefined && !HOP_BY_HOP.has(k)) out[k] = v;
      res.writeHead(up.statusCode ?? 502, out);
      up.pipe(res);
      up.on('error', () => res.destroy());
      resolve('answered');
    });
    // A kept-alive socket is connected already: whatever fails on it may have reached the replica.
    upstream.on('socket', (socket) => {
      if (!socket.connecting) connected = true;
      else socket.once('connect', () => (connected = true));
    });
    upstream.on('error', () => resolve(connected ? 'failed-after-send' : 'refused'));
    res.once('close', () => upstream.destroy());
    upstream.end(body);
  });
}

function forwardedHeaders(req: IncomingMessage): IncomingHttpHeaders {
  const headers: IncomingHttpHeaders = {};
  for (const [k, v] of Object.entries(req.headers)) if (!HOP_BY_HOP.has(k) && k !== 'content-length') headers[k] = v;
  const client = req.socket.remoteAddress ?? '';
  headers['x-forwarded-for'] = req.headers['x-forwarded-for'] ? `${String(req.headers['x-forwarded-for'])}, ${client}` : client;
  headers['x-forwarded-proto'] = 'http';
  headers['x-forwarded-host'] = req.headers.host ?? '';
  return headers;
}

function answer(res: ServerResponse, status: number, code: string, message: string, extra: Record<string, string> = {}): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.writeHead(status, { 'content-type': 'application/json', ...extra });
  res.end(JSON.stringify({ code, message }));
}
