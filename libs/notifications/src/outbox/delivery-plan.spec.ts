import { deliveryPlan, inQuietHours, nextDigestSlot, nextLocalTime } from './delivery-plan';
import { signWebhook, verifyWebhook } from '../channels/webhook-signature';
import { renderTemplate } from '../templates/templates';

describe('delivery plan', () => {
  it('holds a message sent inside quiet hours until they end, in the user time zone', () => {
    // 22:30 in Jakarta (UTC+7) is inside 21:00–06:00; it goes out at 06:00 the next morning.
    const at = '2027-03-01T15:30:00.000Z';
    expect(inQuietHours(at, '21:00', '06:00', 'Asia/Jakarta')).toBe(true);
    expect(deliveryPlan({ quiet_start: '21:00', quiet_end: '06:00' }, true, at)).toEqual([
      { channel: 'email', notBefore: '2027-03-01T23:00:00.000Z', digest: false },
    ]);
    // The same instant is 00:30 in Jayapura (UTC+9): also quiet, until 06:00 there.
    expect(nextLocalTime(at, '06:00', 'Asia/Jayapura')).toBe('2027-03-01T21:00:00.000Z');
  });

  it('sends at once outside quiet hours, on every channel the user has', () => {
    expect(deliveryPlan({ webhook_url: 'http://x', quiet_start: '21:00', quiet_end: '06:00' }, true, '2027-03-01T01:00:00.000Z')).toEqual([
      { channel: 'email', notBefore: null, digest: false },
      { channel: 'webhook', notBefore: null, digest: false },
    ]);
    expect(deliveryPlan({ email_enabled: false }, true, '2027-03-01T01:00:00.000Z')).toEqual([]);
    expect(deliveryPlan({}, false, '2027-03-01T01:00:00.000Z')).toEqual([]);
  });

  it('holds digest emails until 07:00 local the next morning, for that day\'s digest', () => {
    expect(deliveryPlan({ digest: true }, true, '2027-03-01T01:00:00.000Z')).toEqual([
      { channel: 'email', notBefore: '2027-03-02T00:00:00.000Z', digest: true, digestDate: '2027-03-02' },
    ]);
  });

  it('moves the digest to the end of quiet hours that cover 07:00, keeping its day', () => {
    // 06:00–09:00 quiet in Jakarta: the 07:00 digest of 2 March waits until 09:00 (02:00Z).
    expect(nextDigestSlot('2027-03-01T12:00:00.000Z', { quiet_start: '06:00', quiet_end: '09:00' })).toEqual({
      notBefore: '2027-03-02T02:00:00.000Z',
      digestDate: '2027-03-02',
    });
    // Quiet hours that do not cover 07:00 leave it alone; Makassar is UTC+8.
    expect(nextDigestSlot('2027-03-01T12:00:00.000Z', { quiet_start: '21:00', quiet_end: '06:00', time_zone: 'Asia/Makassar' })).toEqual({
      notBefore: '2027-03-01T23:00:00.000Z',
      digestDate: '2027-03-02',
    });
  });

  it('leaves out a webhook the user switched off, even with a URL stored', () => {
    expect(deliveryPlan({ webhook_url: 'http://x', webhook_enabled: false }, true, '2027-03-01T01:00:00.000Z')).toEqual([
      { channel: 'email', notBefore: null, digest: false },
    ]);
  });
});

describe('webhook signature', () => {
  const body = JSON.stringify({ a: 1 });
  const ts = 1_800_000_000;
  const headers = { 'x-mutu-signature': signWebhook('s3cret', ts, body), 'x-mutu-timestamp': String(ts) };

  it('accepts the exact body inside the replay window and refuses anything else', () => {
    expect(verifyWebhook('s3cret', headers, body, ts * 1000 + 299_000)).toEqual({ ok: true });
    expect(verifyWebhook('s3cret', headers, body, ts * 1000 + 301_000)).toEqual({ ok: false, reason: 'stale' });
    expect(verifyWebhook('s3cret', headers, `${body} `, ts * 1000)).toEqual({ ok: false, reason: 'bad_signature' });
    expect(verifyWebhook('s3cret', { ...headers, 'x-mutu-timestamp': String(ts + 1) }, body, ts * 1000)).toEqual({ ok: false, reason: 'bad_signature' });
    expect(verifyWebhook('s3cret', {}, body, ts * 1000)).toEqual({ ok: false, reason: 'missing' });
  });
});

describe('templates', () => {
  it('speak Bahasa Indonesia by default and English for en locales', () => {
    const p = { programTitle: 'Literasi', stage: 'document', dueDate: '2027-04-09', level: 2, toRole: 'principal' };
    expect(renderTemplate('escalation', null, p).subject).toBe('Eskalasi tingkat 2: tahap dokumentasi terlambat');
    expect(renderTemplate('escalation', 'en-US', p).text).toContain('Escalated to the principal');
    expect(renderTemplate('reminder', 'id', { ...p, offsetWorkingDays: 0 }).subject).toBe('Pengingat: batas waktu tahap dokumentasi hari ini');
  });
});
