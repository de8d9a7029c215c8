// Notification preferences: channels, quiet hours in my time zone, daily digest, language.
import { useState, type FormEvent } from 'react';
import { issuesUnder } from '../api/api-failure';
import { api } from '../api/client';
import { ErrorMessage, Loading, Notice } from '../components/feedback';
import { SelectField, TextField } from '../components/field';
import { useI18n, type Lang } from '../i18n/i18n';
import { useAction, useAsync } from '../use-async';

export interface NotificationPreferences {
  channels: { email: boolean; webhook: boolean; inApp: boolean };
  webhookUrl: string | null;
  quietHours: { start: string; end: string } | null;
  timeZone: 'Asia/Jakarta' | 'Asia/Makassar' | 'Asia/Jayapura';
  digest: 'daily' | 'off';
  language: Lang;
}

const ZONES = [
  { value: 'Asia/Jakarta', text: 'WIB (Asia/Jakarta)' },
  { value: 'Asia/Makassar', text: 'WITA (Asia/Makassar)' },
  { value: 'Asia/Jayapura', text: 'WIT (Asia/Jayapura)' },
];

export function PreferencesForm() {
  const loaded = useAsync(() => api.get<NotificationPreferences>('/me/notification-preferences'), []);
  if (loaded.error) return <ErrorMessage error={loaded.error} />;
  if (!loaded.data) return <Loading />;
  return <PreferencesEditor initial={loaded.data} />;
}

function PreferencesEditor({ initial }: { initial: NotificationPreferences }) {
  const { t } = useI18n();
  const [p, setP] = useState<NotificationPreferences>(initial);
  const [quiet, setQuiet] = useState(initial.quietHours ? { on: true, ...initial.quietHours } : { on: false, start: '21:00', end: '06:00' });
  const [notice, setNotice] = useState<string | null>(null);
  const { busy, error, run } = useAction();
  const issues = issuesUnder(error?.issues ?? []);

  const channel = (key: keyof NotificationPreferences['channels'], on: boolean) => setP({ ...p, channels: { ...p.channels, [key]: on } });

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setNotice(null);
    const body: NotificationPreferences = { ...p, webhookUrl: p.webhookUrl || null, quietHours: quiet.on ? { start: quiet.start, end: quiet.end } : null };
    const saved = await run(() => api.put<NotificationPreferences>('/me/notification-preferences', body));
    if (!saved) return;
    setP(saved);
    setNotice(t('preferencesSaved'));
  };

  return (
    <form onSubmit={onSubmit} noValidate data-testid="preferences-form">
      <fieldset className="checkboxes">
        <legend>{t('channelsLegend')}</legend>
        <label className="check"><input type="checkbox" checked={p.channels.email} onChange={(e) => channel('email', e.target.checked)} /> {t('channelEmail')}</label>
        <label className="check"><input type="checkbox" checked={p.channels.inApp} onChange={(e) => channel('inApp', e.target.checked)} /> {t('channelInApp')}</label>
        <label className="check"><input type="checkbox" checked={p.channels.webhook} onChange={(e) => channel('webhook', e.target.checked)} /> {t('channelWebhook')}</label>
      </fieldset>
      {p.channels.webhook && (
        <TextField label={t('webhookUrl')} type="url" name="webhook-url" value={p.webhookUrl ?? ''} onChange={(e) => setP({ ...p, webhookUrl: e.target.value })} issue={issues.get('webhookUrl')} />
      )}
      <fieldset>
        <legend>{t('quietHours')}</legend>
        <p className="hint">{t('quietHint')}</p>
        <label className="check"><input type="checkbox" checked={quiet.on} onChange={(e) => setQuiet({ ...quiet, on: e.target.checked })} /> {t('quietHoursOn')}</label>
        {quiet.on && (
          <div className="row">
            <TextField label={t('quietStart')} type="time" name="quiet-start" value={quiet.start} onChange={(e) => setQuiet({ ...quiet, start: e.target.value })} issue={issues.get('quietHours.start')} />
            <TextField label={t('quietEnd')} type="time" name="quiet-end" value={quiet.end} onChange={(e) => setQuiet({ ...quiet, end: e.target.value })} issue={issues.get('quietHours.end')} />
          </div>
        )}
        <SelectField label={t('timeZone')} value={p.timeZone} options={ZONES} onChange={(e) => setP({ ...p, timeZone: e.target.value as NotificationPreferences['timeZone'] })} />
      </fieldset>
      <SelectField
        label={t('digestLabel')}
        value={p.digest}
        options={[{ value: 'off', text: t('digestOff') }, { value: 'daily', text: t('digestDaily') }]}
        onChange={(e) => setP({ ...p, digest: e.target.value as NotificationPreferences['digest'] })}
      />
      <SelectField
        label={t('notificationLanguage')}
        value={p.language}
        options={[{ value: 'id', text: 'Bahasa Indonesia' }, { value: 'en', text: 'English' }]}
        onChange={(e) => setP({ ...p, language: e.target.value as Lang })}
      />
      <ErrorMessage error={error} />
      <button type="submit" className="primary" disabled={busy}>{t('save')}</button>
      <Notice text={notice} />
    </form>
  );
}
