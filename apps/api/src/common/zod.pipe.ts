import { Injectable, type PipeTransform } from '@nestjs/common';
import type { z } from 'zod';
import { ApiError } from './api-error';

export function zodIssues(error: z.ZodError) {
  return error.issues.flatMap((i) => {
    const base = i.path.map(String);
    // An unknown field is reported at its own path, so clients see which field to remove.
    if (i.code === 'unrecognized_keys') return i.keys.map((k) => ({ path: [...base, k].join('.'), message: 'unknown field' }));
    return [{ path: base.join('.') || '(body)', message: i.message }];
  });
}

/** Parses a body or query with a zod schema, once, at the edge: 400 with field paths otherwise. */
@Injectable()
export class ZodPipe<S extends z.ZodType> implements PipeTransform<unknown, z.infer<S>> {
  /** `emptyBody`: a request without a body parses as `{}` (commands whose fields are all optional). */
  constructor(
    private readonly schema: S,
    private readonly options: { emptyBody?: boolean } = {},
  ) {}

  transform(value: unknown): z.infer<S> {
    const input = value === undefined && this.options.emptyBody ? {} : value;
    const parsed = this.schema.safeParse(input);
    if (!parsed.success) {
      throw new ApiError(400, 'VALIDATION_FAILED', 'The request is not valid; see issues for each field.', {
        issues: zodIssues(parsed.error),
      });
    }
    return parsed.data;
  }
}

/** The pipe for a request body that may be omitted when every field is optional. */
export const bodyPipe = <S extends z.ZodType>(schema: S) => new ZodPipe(schema, { emptyBody: true });
