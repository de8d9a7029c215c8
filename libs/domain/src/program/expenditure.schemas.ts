// Spending of an activity: expenditures with the evidence they rest on. Realised cost is their sum.
import { z } from 'zod';
import { BospComponentCodeSchema } from '../bosp/bosp-components';
import { IdSchema, LocalDateSchema, Sha256Schema } from './program.schemas';

export const ExpenditureInputSchema = z.object({
  expenditureId: IdSchema,
  /** The day the money was spent (receipt or purchase order date). */
  date: LocalDateSchema,
  /** Whole rupiah. */
  amount: z.number().int().positive().max(1_000_000_000_000),
  /** BOSP component code; the activity's budget component when absent. */
  component: BospComponentCodeSchema.optional(),
  payee: z.string().min(1).max(300),
  /** The SIPLah order number when the purchase went through SIPLah. */
  siplahOrderNumber: z.string().min(1).max(100).optional(),
  /** sha256 of the receipt or purchase order attached to the activity. */
  evidenceSha256: Sha256Schema,
  /** sha256 of the supplier quotes attached to the activity (2 from Rp 50 million, 3 above Rp 200 million). */
  supplierQuotes: z.array(Sha256Schema).max(20).optional(),
});
export type ExpenditureInput = z.infer<typeof ExpenditureInputSchema>;

/** What the event records: the input with the component resolved. */
export const ExpenditureRecordSchema = ExpenditureInputSchema.extend({
  component: BospComponentCodeSchema,
  siplahOrderNumber: z.string().min(1).max(100).nullable(),
  supplierQuotes: z.array(Sha256Schema),
});
export type ExpenditureRecord = z.infer<typeof ExpenditureRecordSchema>;

/**
 * Spending above the planned amount by more than this share needs the supervisor's
 * acknowledgement before the activity can be completed (the default policy: 10 %).
 */
export const OVERSPEND_THRESHOLD_PERCENT = 10;

/** An expenditure as the program's state keeps it (the state and the spending rules both use it). */
export interface Expenditure extends Omit<ExpenditureRecord, 'evidenceSha256'> {
  /** null only for a legacy expenditure. */
  evidenceSha256: string | null;
  /** true for the realised cost of an activity completed before expenditures were recorded. */
  legacy: boolean;
  recordedBy: string;
  at: string;
}

export interface OverspendAcknowledgement {
  by: string;
  at: string;
  /** The realised cost acknowledged: spending beyond it needs a new acknowledgement. */
  realised: number;
}
