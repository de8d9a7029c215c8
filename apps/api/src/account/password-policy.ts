// The strength rules every new password meets (a user's own change and an admin's temporary one).

export const MIN_PASSWORD_LENGTH = 10;

/**
 * Passwords people pick first, at or above the minimum length: refused whatever the case. A short
 * list on purpose: the length rule does most of the work; this catches the obvious guesses.
 */
const COMMON_PASSWORDS = new Set([
  '1234567890', '12345678910', '0123456789', '0987654321', '1111111111', '0000000000', '1234512345', '1122334455',
  'qwertyuiop', 'asdfghjkl1', 'password12', 'password123', 'password1234', 'passw0rd123', 'iloveyou12', 'qwerty1234',
  'qwerty12345', '1q2w3e4r5t', 'abcdefghij', 'abc1234567', 'abcd123456', 'letmein123', 'welcome123', 'admin12345',
  'administrator', 'changeme123', 'sayangkamu', 'indonesia1', 'indonesia123', 'bismillah1', 'bismillah123', 'katasandi1',
  'katasandi123', 'rahasia123', 'sekolah123', 'mutu-demo-2026', 'mutudemo2026', 'jakarta123', 'merdeka1945', 'garuda1234',
]);

export type WeakPasswordReason = 'too_short' | 'equals_email' | 'common';

/** Why a password is refused, or null when it meets the rules. */
export function weakPasswordReason(password: string, email: string): WeakPasswordReason | null {
  if ([...password].length < MIN_PASSWORD_LENGTH) return 'too_short';
  const lower = password.trim().toLowerCase();
  const mail = email.trim().toLowerCase();
  if (lower === mail || lower === mail.split('@')[0]) return 'equals_email';
  if (COMMON_PASSWORDS.has(lower)) return 'common';
  return null;
}
