import { HttpException } from '@nestjs/common';

export interface FieldIssue {
  path: string;
  message: string;
}

/** Every error body has the same shape: a stable code, a readable message, optional details. */
export interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  issues?: FieldIssue[];
  details?: unknown;
  requestId?: string;
}

export class ApiError extends HttpException {
  constructor(status: number, code: string, message: string, extra: Pick<ErrorBody, 'issues' | 'details'> = {}) {
    super({ statusCode: status, code, message, ...extra } satisfies ErrorBody, status);
  }
}

export const notFound = (what = 'resource') => new ApiError(404, 'NOT_FOUND', `${what} not found`);
