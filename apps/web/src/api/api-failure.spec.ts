import { failureFrom, issuesUnder } from './api-failure';
import { errorText, issueText } from '../i18n/errors';

describe('API errors as the UI shows them', () => {
  it('collects field issues from the top level and from a domain error details', () => {
    const f = failureFrom(422, {
      statusCode: 422,
      code: 'INVALID_PLAN',
      message: 'The plan is not valid.',
      details: { issues: [{ path: 'activities.0.window.end', message: 'must lie inside budget year 2026' }] },
    });
    expect(f.code).toBe('INVALID_PLAN');
    expect(issuesUnder(f.issues).get('activities.0.window.end')).toBe('must lie inside budget year 2026');
  });

  it('strips the body prefix so issues land on the plan fields', () => {
    const f = failureFrom(400, { code: 'VALIDATION_FAILED', issues: [{ path: 'plan.activities.0.title', message: 'Too small' }] });
    expect([...issuesUnder(f.issues, 'plan.').keys()]).toEqual(['activities.0.title']);
  });

  it('keeps the row errors of a refused import', () => {
    const f = failureFrom(422, { code: 'IMPORT_INVALID', errors: [{ row: 4, column: 'npsn', code: 'UNKNOWN_SCHOOL', message: 'No school 99' }, { row: 'x' }] });
    expect(f.rows).toEqual([{ row: 4, column: 'npsn', code: 'UNKNOWN_SCHOOL', message: 'No school 99' }]);
    expect(errorText('MEETING_INCOMPLETE', 422, 'id')).toMatch(/daftar hadir/);
  });

  it('never needs the raw body: unknown codes fall back by status, garbage bodies still give a code', () => {
    expect(errorText('SOMETHING_NEW', 409, 'id')).toMatch(/bentrokan/);
    expect(errorText('SOMETHING_NEW', 503, 'en')).toMatch(/server/);
    expect(failureFrom(502, '<html>Bad gateway</html>').code).toBe('HTTP_502');
    expect(errorText('FOUR_EYES', 403, 'id')).toMatch(/empat mata/);
  });

  it('translates common field messages into Indonesian and keeps English as sent', () => {
    expect(issueText('must lie inside budget year 2026', 'id')).toBe('harus berada di dalam tahun anggaran 2026');
    expect(issueText('Too small: expected string to have >=1 characters', 'id')).toBe('wajib diisi');
    expect(issueText('something unexpected', 'id')).toBe('isian ini tidak valid');
    expect(issueText('something unexpected', 'en')).toBe('something unexpected');
  });
});
