// POST /campaigns/import on the real API: 422 with every row error, 200 for a dry run and for a
// sheet imported before, 201 when the campaign starts, 400 for a missing or unusable file.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startTestStack, type TestStack } from '../support/stack';

const EXAMPLE = readFileSync(join(__dirname, '../../docs/examples/pendampingan-budaya-mutu.csv'));

function form(bytes: Buffer | string | undefined, filename: string, fields: Record<string, string> = {}): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.append(k, v);
  if (bytes !== undefined) f.append('file', new Blob([typeof bytes === 'string' ? bytes : new Uint8Array(bytes)]), filename);
  return f;
}

/** A small campaign of its own (one cluster), so a real launch stays light. */
function smallSheet(title: string): string {
  return [
    'record,cluster,school,position,number,date,email,team_role,title,start,end,region,organiser',
    `campaign,,,,,,,,${title},2027-09-01,2027-11-30,reg-jaktim,LPMP DKI Jakarta`,
    'school,K01,20110057,core', 'school,K01,20110058,impact1',
    'meeting,K01,,,1,2027-09-08', 'meeting,K01,,,2,2027-09-22',
    'team,K01,,,,,widyaiswara5@demo.mutu.id,trainer',
  ].join('\n');
}

describe('POST /campaigns/import', () => {
  let stack: TestStack;
  let organiser: string;

  beforeAll(async () => {
    stack = await startTestStack();
    organiser = await stack.login('lpmp@demo.mutu.id');
  }, 120_000);

  afterAll(async () => {
    await stack?.stop();
  });

  const post = async (body: FormData, token = organiser) => {
    const res = await fetch(`${stack.baseUrl}/campaigns/import`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> & { errors?: { row: number; code: string }[] } };
  };

  it('answers 422 IMPORT_INVALID with every row error, and 200 for a valid dry run', async () => {
    const bad = EXAMPLE.toString('utf8').replace('meeting,K01,,,2,2027-09-27', 'meeting,K01,,,2,2027-02-30').replace('school,K02,20110005,core', 'school,K02,20110005,inti-x');
    const invalid = await post(form(bad, 'kampanye.csv'));
    expect(invalid.status).toBe(422);
    expect(invalid.body.code).toBe('IMPORT_INVALID');
    expect(invalid.body.errors!.map((e) => `${e.row} ${e.code}`)).toEqual(['8 BAD_DATE', '15 BAD_POSITION', '15 MISSING_CORE_SCHOOL']);

    const dry = await post(form(EXAMPLE, 'kampanye.csv', { dryRun: 'true' }));
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ clusters: 15, schools: 60, meetings: 60, teamMembers: 60, created: false, dryRun: true });
  });

  it('answers 201 when the campaign starts and 200 created: false for the same sheet again', async () => {
    const sheet = smallSheet(`Pendampingan API ${Date.now().toString(36)}`);
    const first = await post(form(sheet, 'kecil.csv'));
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ clusters: 1, schools: 2, meetings: 2, created: true, dryRun: false });
    const again = await post(form(sheet, 'kecil-lagi.csv'));
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ campaignId: first.body.campaignId, created: false });
  });

  it('answers 400 for a missing file, an unsupported one and an unreadable one', async () => {
    expect(await post(form(undefined, '', { dryRun: 'true' }))).toMatchObject({ status: 400, body: { code: 'MISSING_FILE' } });
    expect(await post(form('a,b', 'kampanye.txt'))).toMatchObject({ status: 400, body: { code: 'UNSUPPORTED_FILE' } });
    expect(await post(form('record,name\nteam,"open', 'kampanye.csv'))).toMatchObject({ status: 400, body: { code: 'UNREADABLE_FILE' } });
    expect(await post(form('not a zip', 'kampanye.xlsx'))).toMatchObject({ status: 400, body: { code: 'UNREADABLE_FILE' } });
  });

  it('is listed in the OpenAPI document as a multipart upload', async () => {
    const doc = (await (await fetch(`${stack.baseUrl}/docs`)).json()) as { paths: Record<string, Record<string, { operationId: string; requestBody?: { content: Record<string, unknown> } }>> };
    const op = doc.paths['/campaigns/import']?.post;
    expect(op?.operationId).toBe('importCampaign');
    expect(Object.keys(op?.requestBody?.content ?? {})).toEqual(['multipart/form-data']);
  });
});
