import type { LoggerService, LogLevel } from '@nestjs/common';
import pino, { type DestinationStream, type Logger } from 'pino';
import type { Config } from './config.schema';

const LEVEL_NAMES: Record<number, string> = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO', 40: 'WARN', 50: 'ERROR', 60: 'FATAL' };
/** Fields every line has, or that the readable form shows in its own place. */
const SHOWN = new Set(['level', 'time', 'pid', 'hostname', 'service', 'msg', 'req', 'res', 'responseTime', 'err', 'context']);

/**
 * One readable line per entry for a terminal (`npm start`): time, level, service, message, then
 * the remaining fields as key=value. An HTTP entry reads as `GET /path 200 12ms`.
 */
export function readableLine(entry: Record<string, unknown>): string {
  const time = new Date(Number(entry.time ?? Date.now())).toISOString().slice(11, 23);
  const level = (LEVEL_NAMES[Number(entry.level)] ?? String(entry.level)).padEnd(5);
  const where = [entry.service, entry.context].filter(Boolean).join(' ');
  const req = entry.req as { method?: string; url?: string } | undefined;
  const res = entry.res as { statusCode?: number } | undefined;
  const http = req && res ? `${req.method} ${req.url} ${res.statusCode} ${entry.responseTime}ms` : '';
  const message = [http, entry.msg].filter((p) => p !== undefined && p !== '').join(' ');
  const rest = Object.entries(entry)
    .filter(([k]) => !SHOWN.has(k))
    .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`);
  const err = entry.err as { stack?: string; message?: string } | undefined;
  const line = [time, level, where ? `[${where}]` : '', message, ...rest].filter(Boolean).join(' ');
  return err ? `${line}\n${err.stack ?? err.message}` : line;
}

/** A destination that turns pino's JSON lines into readable ones. */
function readableDestination(out: NodeJS.WritableStream): DestinationStream {
  return {
    write(json: string) {
      try {
        out.write(`${readableLine(JSON.parse(json) as Record<string, unknown>)}\n`);
      } catch {
        out.write(json);
      }
    },
  };
}

/**
 * The process's logger: JSON lines in production (one object per line, for a log collector),
 * readable lines elsewhere. `destination` is stdout unless given (tests).
 */
export function createLogger(config: Pick<Config, 'NODE_ENV' | 'LOG_LEVEL'>, service: string, destination: NodeJS.WritableStream = process.stdout): Logger {
  const options = { level: config.LOG_LEVEL, base: { service } };
  if (config.NODE_ENV === 'production') {
    return destination === process.stdout ? pino(options) : pino(options, destination as DestinationStream);
  }
  return pino(options, readableDestination(destination));
}

/**
 * Nest's own messages (bootstrap, exception handler, services' Logger) through the same logger.
 * Nest's levels (`logger: ['error', 'warn']` at creation) still choose which of them are written.
 */
export class PinoNestLogger implements LoggerService {
  private levels: Set<LogLevel>;

  constructor(
    private readonly logger: Logger,
    levels: LogLevel[] = ['error', 'warn', 'fatal'],
  ) {
    this.levels = new Set(levels);
  }

  setLogLevels(levels: LogLevel[]): void {
    this.levels = new Set([...levels, 'fatal']);
  }

  log(message: unknown, context?: string): void {
    if (this.levels.has('log')) this.write('info', message, context);
  }
  error(message: unknown, stackOrContext?: string, context?: string): void {
    if (!this.levels.has('error')) return;
    const stack = context !== undefined ? stackOrContext : undefined;
    this.write('error', message, context ?? (stack === undefined ? stackOrContext : undefined), stack);
  }
  warn(message: unknown, context?: string): void {
    if (this.levels.has('warn')) this.write('warn', message, context);
  }
  debug(message: unknown, context?: string): void {
    if (this.levels.has('debug')) this.write('debug', message, context);
  }
  verbose(message: unknown, context?: string): void {
    if (this.levels.has('verbose')) this.write('trace', message, context);
  }
  fatal(message: unknown, context?: string): void {
    this.write('fatal', message, context);
  }

  private write(level: 'info' | 'error' | 'warn' | 'debug' | 'trace' | 'fatal', message: unknown, context?: string, stack?: string): void {
    const fields = { ...(context ? { context } : {}), ...(stack ? { stack } : {}) };
    if (message instanceof Error) this.logger[level]({ ...fields, err: message }, message.message);
    else this.logger[level](fields, typeof message === 'string' ? message : JSON.stringify(message));
  }
}
