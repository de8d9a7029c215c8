import { weakPasswordReason } from './password-policy';

describe('password strength rules', () => {
  it('accepts a long password that is neither the email nor a common one', () => {
    expect(weakPasswordReason('pohon-mangga-di-halaman', 'sari@sekolah.id')).toBeNull();
  });

  it('refuses one shorter than 10 characters, counting characters rather than bytes', () => {
    expect(weakPasswordReason('pendek123', 'sari@sekolah.id')).toBe('too_short');
    expect(weakPasswordReason('ñññññññññ', 'sari@sekolah.id')).toBe('too_short');
    expect(weakPasswordReason('ññññññññññ', 'sari@sekolah.id')).toBeNull();
  });

  it('refuses the email address (or its local part), whatever the case', () => {
    expect(weakPasswordReason('Sari.Wulandari@Sekolah.id', 'sari.wulandari@sekolah.id')).toBe('equals_email');
    expect(weakPasswordReason('sari.wulandari', 'sari.wulandari@sekolah.id')).toBe('equals_email');
  });

  it('refuses common passwords, whatever the case, including the demo one', () => {
    expect(weakPasswordReason('Password123', 'sari@sekolah.id')).toBe('common');
    expect(weakPasswordReason('mutu-demo-2026', 'sari@sekolah.id')).toBe('common');
    expect(weakPasswordReason('1234567890', 'sari@sekolah.id')).toBe('common');
  });
});
