// Request schemas of the account routes (the route table names them). Strict objects: an unknown
// field is a 400. Length limits here are the shape of the input; the strength rules (422
// WEAK_PASSWORD) live in password-policy.ts so the answer can say which rule failed.
import { z } from 'zod';

const Password = z.string().min(1).max(200);

export const ChangePasswordBodySchema = z.strictObject({
  currentPassword: Password,
  newPassword: Password,
});
export type ChangePasswordBody = z.infer<typeof ChangePasswordBodySchema>;

export const ResetPasswordBodySchema = z.strictObject({
  /** Given to the user out of band; they must replace it at their next sign-in. */
  temporaryPassword: Password,
});
export type ResetPasswordBody = z.infer<typeof ResetPasswordBodySchema>;
