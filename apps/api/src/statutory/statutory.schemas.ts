import { z } from 'zod';
import { LocalDateSchema, StatutoryReportSchema } from '@mutu/domain';
import { PathIdSchema, PathYearSchema } from '../routes/route-schemas';

export const StatutoryPathSchema = z.object({ schoolId: PathIdSchema, year: PathYearSchema });
export const StatutorySubmissionPathSchema = StatutoryPathSchema.extend({ report: StatutoryReportSchema });
/** multipart/form-data: the ARKAS export in `file`, the day it was submitted through ARKAS. */
export const StatutorySubmissionFormSchema = z.strictObject({ submittedOn: LocalDateSchema });
