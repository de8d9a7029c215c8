// Schemathesis (a property-based API tester from PyPI, nobody here wrote it) against the API's own
// OpenAPI document: every phase including stateful, one run per role with that role's token, a
// fixed seed and a bounded budget. Any server error or any answer the document does not describe
// fails the test.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { consoleLog, resolveSchemathesis, type Schemathesis } from '@mutu/provisioning';
import { isolatedDatabase, type IsolatedDatabase } from '../support/isolated-database';
import { startTestStack, type TestStack } from '../support/stack';
import { EMAIL, loginAll } from './api-helpers';

const SEED = 20260101;
/**
 * The budget, per role, in two runs so that every phase gets its share: examples, coverage and
 * fuzzing for BUDGET_SECONDS (Schemathesis divides it between them and stops there), then stateful
 * testing for STATEFUL_EXAMPLES scenarios of linked calls (create a program, then act on it).
 */
const BUDGET_SECONDS = Number(process.env.SCHEMATHESIS_BUDGET_SECONDS ?? 20);
const STATEFUL_EXAMPLES = Number(process.env.SCHEMATHESIS_STATEFUL_EXAMPLES ?? 3);
/** A run that takes longer than this is stopped and fails the test. */
const RUN_DEADLINE_MS = 120_000;
/** Roles tested at once, each by its own Schemathesis processes (case generation is CPU-bound). */
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
  'ignored_auth',
  'use_after_free',
  'ensure_resource_availability',
];
// The admin runs last: what it creates and changes (users, days off) cannot disturb the others.
// SCHEMATHESIS_ROLES=all adds the district officer and staff (a longer run).
const ROLES: (keyof typeof EMAIL)[] =
  process.env.SCHEMATHESIS_ROLES === 'all'
    ? ['principal', 'qa', 'supervisor', 'committee1', 'auditor', 'district', 'staff', 'admin']
    : ['principal', 'qa', 'supervisor', 'committee1', 'auditor', 'admin'];

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

type Run = { name: string; args: string[] };

const RUNS: Run[] = [
  { name: 'examples-coverage-fuzzing', args: ['--phases', 'examples,coverage,fuzzing', '--max-time', String(BUDGET_SECONDS)] },
  { name: 'stateful', args: ['--phases', 'stateful', '--max-examples', String(STATEFUL_EXAMPLES)] },
];

function runOnce(st: Schemathesis, stack: TestStack, token: string, run: Run, ndjson: string): Promise<{ exitCode: number | null; output: string }> {
  const args = [
    'run', `${stack.baseUrl}/docs/openapi.json`,
    ...run.args,
    '--checks', CHECKS.join(','),
    '--seed', String(SEED),
    // One worker per process: several threads of one Python 3.11 process building cases at once
    // trip a CPython bug ("AST constructor recursion depth mismatch"); roles run side by side instead.
    '--workers', '1',
    '--no-shrink',
    '--request-timeout', '20',
    '--suppress-health-check', 'all',
    '--header', `Authorization: Bearer ${token}`,
    '--report', 'ndjson', '--report-ndjson-path', ndjson,
    '--output-truncate', 'true',
  ];
  return new Promise((resolve, reject) => {
    // In the report directory, emptied before each run: Schemathesis keeps a cache, and Hypothesis
    // a database of earlier examples it would replay, in the working directory.
    const child = spawn(st.path, args, { cwd: dirname(ndjson), env: { ...process.env, NO_COLOR: '1', SCHEMATHESIS_TELEMETRY: 'false' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const deadline = setTimeout(() => {
      output += `\n(stopped: no result after ${RUN_DEADLINE_MS / 1000} s)`;
      child.kill('SIGKILL');
    }, RUN_DEADLINE_MS);
    child.on('error', reject);
    child.on('close', (exitCode) => {
      clearTimeout(deadline);
      resolve({ exitCode, output });
    });
  });
}

async function runRole(st: Schemathesis, stack: TestStack, role: string, token: string, reportDir: string): Promise<RoleResult[]> {
  const results: RoleResult[] = [];
  for (const run of RUNS) {
    const ndjson = join(reportDir, `${role}.${run.name}.ndjson`);
    const { exitCode, output } = await runOnce(st, stack, token, run, ndjson);
    results.push({ role: `${role} ${run.name}`, exitCode, output, ...summarise(ndjson) });
  }
  return results;
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
  let db: IsolatedDatabase;
  let tokens: Record<keyof typeof EMAIL, string>;
  const reportDir = join(__dirname, '../../test-results/schemathesis');

  beforeAll(async () => {
    st = resolveSchemathesis((line) => consoleLog(`schemathesis: ${line}`));
    rmSync(reportDir, { recursive: true, force: true });
    mkdirSync(reportDir, { recursive: true });
    // As admin it resets passwords and disables accounts: the demo users of the shared database
    // must stay as every other test expects them.
    db = await isolatedDatabase('mutu_schemathesis');
    stack = await startTestStack({ DATABASE_URL: db.url });
    tokens = await loginAll(stack);
  }, 240_000);

  afterAll(async () => {
    await stack?.stop();
    await db?.drop();
  });

  it('finds no server error and no answer the document does not describe, for any role', async () => {
    const results: RoleResult[] = [];
    const started = Date.now();
    for (let i = 0; i < ROLES.length; i += PARALLEL) {
      const batch = ROLES.slice(i, i + PARALLEL);
      for (const r of await Promise.all(batch.map((role) => runRole(st, stack, role, tokens[role], reportDir)))) results.push(...r);
    }
    const total = results.reduce((n, r) => n + r.cases, 0);
    const seconds = ((Date.now() - started) / 1000).toFixed(0);
    consoleLog(`schemathesis ${st.version}: ${total} cases over ${ROLES.length} roles in ${seconds} s, seed ${SEED} (${results.map((r) => `${r.role} ${r.cases}`).join(', ')})`);
    for (const e of results.flatMap((r) => r.toolErrors.map((t) => `${r.role}: ${t}`))) consoleLog(`schemathesis: its own error, not the API's: ${e}`);
    const failures = results.flatMap((r) => r.failures.map((f) => `${r.role}: ${f}`));
    for (const r of results) {
      if (r.exitCode !== 0 && r.failures.length === 0 && r.toolErrors.length === 0) failures.push(`${r.role}: exit ${r.exitCode}\n${r.output.slice(-3000)}`);
    }
    expect(failures).toEqual([]);
    expect(total).toBeGreaterThan(ROLES.length * 100);
    // Every run tested something: stateful testing included, for every role.
    expect(results.filter((r) => r.cases === 0).map((r) => r.role)).toEqual([]);
  }, 600_000);
});
