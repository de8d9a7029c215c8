import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { isDomainError } from '@mutu/domain';
import type { Request, Response } from 'express';
import type { ErrorBody } from './api-error';
import { toDomainFailure } from './temporal-errors';
import { toUnavailable, UNAVAILABLE_RETRY_AFTER_SECONDS } from './unavailable-errors';

/** Maps every thrown thing to the one error shape; only the unexpected becomes a 500. */
@Catch()
export class ErrorsFilter implements ExceptionFilter {
  private readonly logger = new Logger('http');

  catch(error: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const res = ctx.getResponse<Response>();
    const req = ctx.getRequest<Request & { id?: string }>();
    const body = this.toBody(error);
    body.requestId = req.id;
    if (body.statusCode >= 500) this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    // A temporary refusal says when to try again (e.g. 503 WORKER_UNAVAILABLE).
    const retryAfter = (error as { retryAfterSeconds?: unknown } | null)?.retryAfterSeconds ?? (body.statusCode === 503 ? UNAVAILABLE_RETRY_AFTER_SECONDS : undefined);
    if (typeof retryAfter === 'number') res.setHeader('Retry-After', String(retryAfter));
    res.status(body.statusCode).json(body);
  }

  private toBody(error: unknown): ErrorBody {
    const parser = bodyParserFailure(error);
    if (parser) return parser;
    if (error instanceof HttpException) {
      const status = error.getStatus();
      const response = error.getResponse();
      if (typeof response === 'object' && response && 'code' in response) return { ...(response as ErrorBody) };
      const message = typeof response === 'string' ? response : ((response as { message?: string }).message ?? error.message);
      return { statusCode: status, code: codeForStatus(status, error), message: String(message) };
    }
    if (isDomainError(error)) {
      return { statusCode: error.status, code: error.code, message: error.message, details: error.details };
    }
    const failure = toDomainFailure(error) ?? toUnavailable(error);
    if (failure) return failure;
    if (error instanceof SyntaxError && 'body' in (error as object)) {
      return { statusCode: 400, code: 'MALFORMED_JSON', message: 'The request body is not valid JSON.' };
    }
    return { statusCode: 500, code: 'INTERNAL', message: 'Something went wrong on our side; it has been logged.' };
  }
}

function codeForStatus(status: number, error: HttpException): string {
  const type = (error as { type?: string }).type;
  if (status === 413 || type === 'entity.too.large') return 'PAYLOAD_TOO_LARGE';
  if (status === 400 && type === 'entity.parse.failed') return 'MALFORMED_JSON';
  return (
    { 400: 'BAD_REQUEST', 401: 'UNAUTHENTICATED', 403: 'FORBIDDEN', 404: 'NOT_FOUND', 405: 'METHOD_NOT_ALLOWED', 409: 'CONFLICT', 413: 'PAYLOAD_TOO_LARGE', 415: 'UNSUPPORTED_MEDIA_TYPE', 422: 'UNPROCESSABLE', 429: 'RATE_LIMITED' } as Record<number, string>
  )[status] ?? 'ERROR';
}

/** body-parser's errors (bad JSON, too large) carry a `type`; they may arrive raw or as a cause. */
export function bodyParserFailure(error: unknown): ErrorBody | undefined {
  const candidates = [error, (error as { cause?: unknown })?.cause];
  for (const e of candidates) {
    const type = (e as { type?: unknown })?.type;
    if (type === 'entity.parse.failed') return { statusCode: 400, code: 'MALFORMED_JSON', message: 'The request body is not valid JSON.' };
    if (type === 'entity.too.large') return { statusCode: 413, code: 'PAYLOAD_TOO_LARGE', message: 'The request body is too large.' };
    if (type === 'encoding.unsupported' || type === 'charset.unsupported') return { statusCode: 415, code: 'UNSUPPORTED_MEDIA_TYPE', message: 'Unsupported body encoding.' };
  }
  return undefined;
}
