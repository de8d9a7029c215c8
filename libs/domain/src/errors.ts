// Domain errors: a stable `code` for clients and logs, an HTTP-ish `status` so the API can map a
// refusal without a lookup table, and an English message for people.

export const DOMAIN_ERROR_STATUS = {
  FORBIDDEN_ROLE: 403,
  FOUR_EYES: 403,
  OUT_OF_SCOPE: 404,
  NOT_FOUND: 404,
  ACTIVITY_NOT_FOUND: 404,
  EVIDENCE_NOT_FOUND: 404,
  ALREADY_EXISTS: 409,
  WRONG_STAGE: 409,
  ALREADY_SUBMITTED: 409,
  NOT_SUBMITTED: 409,
  ALREADY_DECIDED: 409,
  ALREADY_SIGNED: 409,
  REPORT_CHANGED: 409,
  STALE_PLAN_VERSION: 409,
  ACTIVITY_NOT_OPEN: 409,
  DUPLICATE_EVIDENCE: 409,
  CANCELLATION_PENDING: 409,
  NO_CANCELLATION_REQUEST: 409,
  REPORT_NOT_SIGNED_OFF: 409,
  DUPLICATE_REMINDER: 409,
  MEETING_OUT_OF_ORDER: 409,
  MEETING_ALREADY_DOCUMENTED: 409,
  CLUSTER_COMPLETED: 409,
  RTL_TOO_EARLY: 409,
  REASON_REQUIRED: 422,
  INVALID_PLAN: 422,
  INVALID_EXECUTION: 422,
  UNASSIGNED_ACTIVITIES: 422,
  ACTIVITIES_PENDING: 422,
  MISSING_EVIDENCE: 422,
  REPORT_INCOMPLETE: 422,
  INVALID_DEADLINE: 422,
  EXTENSION_NOT_LATER: 422,
  INVALID_CAMPAIGN: 422,
  MEETING_WRONG_HOST: 422,
  MEETING_OUTSIDE_PERIOD: 422,
  MEETING_IN_FUTURE: 422,
  MEETING_INCOMPLETE: 422,
  INVALID_MATERIAL: 422,
  INVALID_RTL: 422,
  UNKNOWN_BOSP_COMPONENT: 422,
  INVALID_EXPENDITURE: 422,
  EXPENDITURE_EVIDENCE_REQUIRED: 422,
  INSUFFICIENT_SUPPLIER_QUOTES: 422,
  REALISED_COST_MISMATCH: 422,
  OVERSPEND_NOT_ACKNOWLEDGED: 422,
  EXPENDITURE_NOT_FOUND: 404,
  DUPLICATE_EXPENDITURE: 409,
  NO_OVERSPEND: 409,
  EVIDENCE_IN_USE: 409,
  INVALID_SUBMISSION_DATE: 422,
} as const;

export type DomainErrorCode = keyof typeof DOMAIN_ERROR_STATUS;
export type DomainErrorStatus = (typeof DOMAIN_ERROR_STATUS)[DomainErrorCode];

export const DOMAIN_ERROR_CODES = Object.keys(DOMAIN_ERROR_STATUS) as DomainErrorCode[];

export class DomainError extends Error {
  override readonly name = 'DomainError';
  readonly status: DomainErrorStatus;

  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.status = DOMAIN_ERROR_STATUS[code];
    // Keeps `instanceof` working when compiled to ES5-style classes by other toolchains.
    Object.setPrototypeOf(this, new.target.prototype);
  }

  toJSON(): { code: DomainErrorCode; status: number; message: string; details?: Record<string, unknown> } {
    return { code: this.code, status: this.status, message: this.message, ...(this.details ? { details: this.details } : {}) };
  }
}

/**
 * True for a DomainError, also across realms (the Temporal workflow sandbox has its own `Error`),
 * where `instanceof` fails.
 */
export function isDomainError(e: unknown): e is DomainError {
  if (e instanceof DomainError) return true;
  if (typeof e !== 'object' || e === null) return false;
  const c = (e as { code?: unknown }).code;
  return (e as { name?: unknown }).name === 'DomainError' && typeof c === 'string' && c in DOMAIN_ERROR_STATUS;
}
