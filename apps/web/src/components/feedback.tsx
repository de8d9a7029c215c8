import type { ApiFailure } from '../api/api-failure';
import { errorText } from '../i18n/errors';
import { useI18n } from '../i18n/i18n';

/** An API failure as a sentence in the user's language; never the raw body. */
export function ErrorMessage({ error }: { error: ApiFailure | undefined }) {
  const { lang } = useI18n();
  if (!error) return null;
  return (
    <p className="error" role="alert" data-error-code={error.code}>
      {errorText(error.code, error.status, lang)}
    </p>
  );
}

export function Loading() {
  const { t } = useI18n();
  return <p className="muted" role="status">{t('loading')}</p>;
}

export function Notice({ text }: { text: string | null }) {
  return (
    <p className="notice" role="status" aria-live="polite">
      {text ?? ''}
    </p>
  );
}

export function ProgressBar({ value, label }: { value: number; label: string }) {
  const pct = Math.round(Math.max(0, Math.min(1, value)) * 100);
  // The number sits beside the bar, not on it: text over the fill would lose contrast.
  return (
    <div className="progress-row">
      <div className="progress" role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct}>
        <div className="progress-fill" style={{ width: `${pct}%` }} />
      </div>
      <span className="progress-text" aria-hidden="true">{pct}%</span>
    </div>
  );
}
