// Schemathesis (a property-based API tester from PyPI, nobody here wrote it) against the API's own
// OpenAPI document: every phase including stateful, one run per role with that role's token, a
// fixed seed and a bounded budget. Any server error or any answer the document does not describe
// fails the test.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { consoleLog, resolveSchemathesis, type Schemathesis } from '@mutu/provisioning';
import { startTestStack, type TestStack } from '../support/stack';
import { EMAIL, loginAll } from './api-helpers';

const SEED = 20260101;
const MAX_EXAMPLES = Number(process.env.SCHEMATHESIS_MAX_EXAMPLES ?? 6);
/** Seconds per role; fuzzing and stateful testing stop when it is spent. */
const MAX_TIME = Number(process.env.SCHEMATHESIS_MAX_TIME ?? 30);
/** Roles tested at once (each its own Schemathesis process). */
const PARALLEL = 2;
const CHECKS = process.env.SCHEMATHESIS_CHECKS?.split(',') ?? [
  'not_a_server_error',
  'status_code_conformance',
  'content_type_conformance',
  'response_headers_conformance',
  'response_schema_conformance',
  'unsupported_method',
  'allow_header_conformance',
  'missing_required_header',
];
// The admin runs last: what it creates and changes (users, days off) cannot disturb the others.
const ROLES: (keyof typeof EMAIL)[] = ['principal', 'qa', 'supervisor', 'committee1', 'auditor', 'district', 'staff', 'admin'];

/** Schemathesis's own crashes while generating a case (not an answer of the API). */
const TOOL_BUGS = [/AST constructor recursion depth mismatch/];

interface RoleResult {
  role: string;
  exitCode: number | null;
  cases: number;
  failures: string[];
  toolErrors: string[];
  output: string;
}

function runSchemathesis(st: Schemathesis, stack: TestStack, role: string, token: string, reportDir: string): Promise<RoleResult> {
  const ndjson = join(reportDir, `${role}.ndjson`);
  const args = [
    'run', `${stack.baseUrl}/docs/openapi.json`,
    '--phases', 'examples,coverage,fuzzing,stateful',
    '--checks', CHECKS.join(','),
    '--seed', String(SEED),
    '--max-examples', String(MAX_EXAMPLES),
    '--max-time', String(MAX_TIME),
    '--workers', '1',
    '--no-shrink',
    '--request-timeout', '20',
    '--suppress-health-check', 'all',
    '--header', `Authorization: Bearer ${token}`,
    '--report', 'ndjson', '--report-ndjson-path', ndjson,
    '--output-truncate', 'true',
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(st.path, args, { env: { ...process.env, NO_COLOR: '1', SCHEMATHESIS_TELEMETRY: 'false' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', reject);
    child.on('close', (exitCode) => resolve({ role, exitCode, output, ...summarise(ndjson) }));
  });
}

interface Check {
  name: string;
  status: string;
  failure_info?: { failure?: { title?: string; message?: string } };
}
interface NdjsonEvent {
  ScenarioFinished?: { recorder?: { label?: string; cases?: Record<string, unknown>; checks?: Record<string, Check[]> } };
  NonFatalError?: { label?: string; value?: { type?: string; message?: string } };
}

/** Cases run, failures found and errors met, from Schemathesis's ndjson event stream. */
function summarise(ndjson: string): { cases: number; failures: string[]; toolErrors: string[] } {
  let cases = 0;
  const failures = new Set<string>();
  const toolErrors: string[] = [];
  let text = '';
  try {
    text = readFileSync(ndjson, 'utf8');
  } catch {
    return { cases, failures: ['no ndjson report written'], toolErrors };
  }
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    const event = JSON.parse(line) as NdjsonEvent;
    if (event.NonFatalError) {
      const { label, value } = event.NonFatalError;
      const line = `${label}: ${value?.type}: ${value?.message}`;
      if (TOOL_BUGS.some((re) => re.test(value?.message ?? ''))) toolErrors.push(line);
      else failures.add(`error ${line}`);
    }
    const recorder = event.ScenarioFinished?.recorder;
    if (!recorder) continue;
    cases += Object.keys(recorder.cases ?? {}).length;
    for (const checks of Object.values(recorder.checks ?? {})) {
      for (const check of checks) {
        if (check.status !== 'failure') continue;
        const f = check.failure_info?.failure;
        failures.add(`${recorder.label}: ${check.name}: ${f?.title ?? ''} ${(f?.message ?? '').split('\n')[0]}`.trim());
      }
    }
  }
  return { cases, failures: [...failures], toolErrors };
}

describe('Schemathesis against the OpenAPI document', () => {
  let st: Schemathesis;
  let stack: TestStack;
  let tokens: Record<keyof typeof EMAIL, string>;
  const reportDir = join(__dirname, '../../test-results/schemathesis');

  beforeAll(async () => {
    st = resolveSchemathesis((line) => consoleLog(`schemathesis: ${line}`));
    rmSync(reportDir, { recursive: true, force: true });
    mkdirSync(reportDir, { recursive: true });
    stack = await startTestStack();
    tokens = await loginAll(stack);
  }, 240_000);

  afterAll(async () => {
    await stack?.stop();
  });

  it('finds no server error and no answer the document does not describe, for any role', async () => {
    const results: RoleResult[] = [];
    for (let i = 0; i < ROLES.length; i += PARALLEL) {
      const batch = ROLES.slice(i, i + PARALLEL);
      results.push(...(await Promise.all(batch.map((role) => runSchemathesis(st, stack, role, tokens[role], reportDir)))));
    }
    const total = results.reduce((n, r) => n + r.cases, 0);
    consoleLog(`schemathesis ${st.version}: ${total} cases over ${ROLES.length} roles (${results.map((r) => `${r.role} ${r.cases}`).join(', ')}), seed ${SEED}`);
    for (const e of results.flatMap((r) => r.toolErrors.map((t) => `${r.role}: ${t}`))) consoleLog(`schemathesis: its own error, not the API's: ${e}`);
    const failures = results.flatMap((r) => r.failures.map((f) => `${r.role}: ${f}`));
    for (const r of results) if (r.exitCode !== 0 && r.failures.length === 0) failures.push(`${r.role}: exit ${r.exitCode}\n${r.output.slice(-3000)}`);
    expect(failures).toEqual([]);
    expect(total).toBeGreaterThan(ROLES.length * 100);
  }, 600_000);
});
