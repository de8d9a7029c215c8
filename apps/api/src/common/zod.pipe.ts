import { Injectable, type PipeTransform } from '@nestjs/common';
import type { z } from 'zod';
import { ApiError } from './api-error';

export function zodIssues(error: z.ZodError) {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.') || '(body)', message: i.message }));
}

/** Parses a body or query with a zod schema, once, at the edge: 400 with field paths otherwise. */
@Injectable()
export class ZodPipe<S extends z.ZodType> implements PipeTransform<unknown, z.infer<S>> {
  constructor(private readonly schema: S) {}

  transform(value: unknown): z.infer<S> {
    const parsed = this.schema.safeParse(value);
    if (!parsed.success) {
      throw new ApiError(400, 'VALIDATION_FAILED', 'The request is not valid; see issues for each field.', {
        issues: zodIssues(parsed.error),
      });
    }
    return parsed.data;
  }
}
