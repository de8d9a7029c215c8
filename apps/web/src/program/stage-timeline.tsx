import type { Program } from '../api/types';
import { daysBetween, localDate, todayIn } from '../format';
import { useI18n } from '../i18n/i18n';
import { label, STAGES } from '../i18n/labels';

/** plan → assign → execute → document → report → closed, with the current stage marked. */
export function StageTimeline({ program }: { program: Program }) {
  const { t, lang } = useI18n();
  const reached = new Set(program.stageHistory.map((h) => h.stage));
  const currentIndex = STAGES.indexOf(program.stage as (typeof STAGES)[number]);
  return (
    <nav aria-label={t('stageTimeline')}>
      {/* Scrolls sideways on a phone: focusable so a keyboard can scroll it too. */}
      <ol className="stages" tabIndex={0}>
        {STAGES.map((s, i) => {
          const state = s === program.stage ? 'current' : i < currentIndex || (currentIndex < 0 && reached.has(s)) ? 'past' : 'future';
          return (
            <li key={s} className={`stage ${state}`} aria-current={state === 'current' ? 'step' : undefined}>
              <span className="stage-dot" aria-hidden="true">{state === 'past' ? '✓' : i + 1}</span>
              <span className="stage-name">{label('stage', s, lang)}</span>
            </li>
          );
        })}
        {program.stage === 'cancelled' && (
          <li className="stage current" aria-current="step">
            <span className="stage-dot" aria-hidden="true">✕</span>
            <span className="stage-name">{label('stage', 'cancelled', lang)}</span>
          </li>
        )}
      </ol>
    </nav>
  );
}

/** "12 days left" / "3 days overdue" for the current stage's due date, counted in the school's zone. */
export function DeadlineCountdown({ dueDate, timeZone }: { dueDate: string | null; timeZone: string }) {
  const { t, lang } = useI18n();
  if (!dueDate) return <p className="countdown muted" data-testid="countdown">{t('deadline')}: {t('noDeadline')}</p>;
  const days = daysBetween(todayIn(timeZone), dueDate);
  const text = days > 0 ? t('daysLeft', { n: days }) : days === 0 ? t('dueToday') : t('daysLate', { n: -days });
  return (
    <p className={`countdown${days < 0 ? ' late' : days <= 7 ? ' soon' : ''}`} data-testid="countdown">
      {t('deadline')}: <strong>{localDate(dueDate, lang)}</strong> ({text})
    </p>
  );
}
