import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import type { z } from 'zod';
import { ApiError, type FieldIssue } from './api-error';
import { nulIssues } from './text';

export function zodIssues(error: z.ZodError, prefix: string[] = []): FieldIssue[] {
  return error.issues.flatMap((i) => {
    const base = [...prefix, ...i.path.map(String)];
    // An unknown field is reported at its own path, so clients see which field to remove.
    if (i.code === 'unrecognized_keys') return i.keys.map((k) => ({ path: [...base, k].join('.'), message: 'unknown field' }));
    return [{ path: base.join('.') || '(body)', message: i.message }];
  });
}

export const validationFailed = (issues: FieldIssue[]) =>
  new ApiError(400, 'VALIDATION_FAILED', 'The request is not valid; see issues for each field.', { issues });

/**
 * Parses a body, query or path parameter with a zod schema, once, at the edge: 400 with field
 * paths otherwise (a single parameter is reported under its own name). No string may hold a NUL.
 */
@Injectable()
export class ZodPipe<S extends z.ZodType> implements PipeTransform<unknown, z.infer<S>> {
  /** `emptyBody`: a request without a body parses as `{}` (commands whose fields are all optional). */
  constructor(
    private readonly schema: S,
    private readonly options: { emptyBody?: boolean } = {},
  ) {}

  transform(value: unknown, metadata?: ArgumentMetadata): z.infer<S> {
    const input = value === undefined && this.options.emptyBody ? {} : value;
    const prefix = metadata?.data && metadata.type !== 'custom' ? [metadata.data] : [];
    const nul = nulIssues(input, prefix);
    if (nul.length > 0) throw validationFailed(nul);
    const parsed = this.schema.safeParse(input);
    if (!parsed.success) throw validationFailed(zodIssues(parsed.error, prefix));
    return parsed.data;
  }
}

/** The pipe for a request body that may be omitted when every field is optional. */
export const bodyPipe = <S extends z.ZodType>(schema: S) => new ZodPipe(schema, { emptyBody: true });
