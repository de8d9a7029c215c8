// Every row the import refused, in sheet order: row, column and what is wrong.
import type { RowIssue } from '../api/api-failure';
import { rowIssueText } from '../i18n/errors';
import { useI18n } from '../i18n/i18n';

export function ImportErrors({ rows }: { rows: RowIssue[] }) {
  const { t, lang } = useI18n();
  if (rows.length === 0) return null;
  const sorted = [...rows].sort((a, b) => a.row - b.row);
  return (
    <section aria-labelledby="import-errors-title">
      <h2 id="import-errors-title">{t('importErrors', { n: rows.length })}</h2>
      <div className="table-wrap">
        <table className="timeline" data-testid="import-errors">
          <thead>
            <tr>
              <th scope="col">{t('row')}</th>
              <th scope="col">{t('column')}</th>
              <th scope="col">{t('message')}</th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((r, i) => (
              <tr key={`${r.row}-${r.column ?? ''}-${i}`} data-code={r.code}>
                <td>{r.row}</td>
                <td>{r.column ?? '—'}</td>
                <td>{rowIssueText(r.code, r.message, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
