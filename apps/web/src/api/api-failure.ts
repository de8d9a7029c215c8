/** A failed API call, reduced to what the UI may show: a code, a status and field issues. */
export interface FieldIssue {
  path: string;
  message: string;
}

/** One spreadsheet row the import refused (row numbers as the sheet shows them). */
export interface RowIssue {
  row: number;
  column?: string;
  code: string;
  message: string;
}

export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: FieldIssue[] = [],
    readonly rows: RowIssue[] = [],
  ) {
    super(message);
  }
}

const isIssue = (i: unknown): i is FieldIssue =>
  typeof i === 'object' && i !== null && typeof (i as FieldIssue).path === 'string' && typeof (i as FieldIssue).message === 'string';

const isRowIssue = (i: unknown): i is RowIssue =>
  typeof i === 'object' && i !== null && typeof (i as RowIssue).row === 'number' && typeof (i as RowIssue).message === 'string';

/** Builds the failure from an error body; issues may sit at the top or in a domain error's details. */
export function failureFrom(status: number, body: unknown): ApiFailure {
  const b = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const details = (typeof b.details === 'object' && b.details !== null ? b.details : {}) as Record<string, unknown>;
  const raw = [...(Array.isArray(b.issues) ? b.issues : []), ...(Array.isArray(details.issues) ? details.issues : [])];
  const code = typeof b.code === 'string' ? b.code : 'HTTP_' + status;
  const rows = Array.isArray(b.errors) ? b.errors.filter(isRowIssue) : [];
  return new ApiFailure(status, code, typeof b.message === 'string' ? b.message : '', raw.filter(isIssue), rows);
}

/** Issues whose path starts with `prefix`, keyed by the rest of the path ("plan.objectives.0" → "objectives.0"). */
export function issuesUnder(issues: FieldIssue[], prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const i of issues) {
    const path = prefix && i.path.startsWith(prefix) ? i.path.slice(prefix.length) : i.path;
    if (!out.has(path)) out.set(path, i.message);
  }
  return out;
}
