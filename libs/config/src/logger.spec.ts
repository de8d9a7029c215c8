import { PassThrough } from 'node:stream';
import { createLogger, PinoNestLogger, readableLine } from './logger';

function capture(): { stream: PassThrough; lines: () => string[] } {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (c: Buffer) => (text += c.toString()));
  return { stream, lines: () => text.split('\n').filter(Boolean) };
}

describe('process logger', () => {
  it('writes one JSON object per line in production', () => {
    const out = capture();
    const logger = createLogger({ NODE_ENV: 'production', LOG_LEVEL: 'info' }, 'mutu-api', out.stream);
    logger.info({ programId: 'p-1' }, 'listening');
    new PinoNestLogger(logger).error(new Error('boom'), undefined, 'ExceptionsHandler');
    logger.debug('below the level');
    const entries = out.lines().map((l) => JSON.parse(l));
    expect(entries).toHaveLength(2);
    expect(entries[0]).toMatchObject({ level: 30, service: 'mutu-api', msg: 'listening', programId: 'p-1' });
    expect(entries[1]).toMatchObject({ level: 50, context: 'ExceptionsHandler', msg: 'boom', err: { message: 'boom' } });
  });

  it('writes readable single lines in development', () => {
    const out = capture();
    const logger = createLogger({ NODE_ENV: 'development', LOG_LEVEL: 'info' }, 'mutu-worker', out.stream);
    logger.warn({ taskQueue: 'q' }, 'polling');
    const [line] = out.lines();
    expect(() => JSON.parse(line)).toThrow();
    expect(line).toMatch(/^\d\d:\d\d:\d\d\.\d{3} WARN {2}\[mutu-worker\] polling taskQueue=q$/);
  });

  it('reads an HTTP entry as method, path, status and time', () => {
    const line = readableLine({ level: 30, time: 0, service: 'mutu-api', req: { method: 'GET', url: '/health' }, res: { statusCode: 200 }, responseTime: 3, msg: 'request completed' });
    expect(line).toBe('00:00:00.000 INFO  [mutu-api] GET /health 200 3ms request completed');
  });
});
