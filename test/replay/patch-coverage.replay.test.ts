import { bundleWorkflowCode, Worker, type InjectedSinks } from '@temporalio/worker';
import { NormalModuleReplacementPlugin } from 'webpack';
import { join, sep } from 'node:path';
import { webpackConfigHook, workflowBundleOptions } from '@mutu/temporal';
import { readHistories } from './history-files';
import { patchUses } from './patch-coverage/patch-ids';
import type { PatchCoverageSinks } from './patch-coverage/patch-probe';

// Every live patch must have each of its branches run by a committed history, or that branch is
// untested (and, for an old branch, possibly dead: see docs/versioning.md on retiring a patch).
// Which branch a history takes is observed, not guessed from its markers: the histories are
// replayed through a bundle whose workflows/** get patched()/deprecatePatch() from patch-probe.ts,
// which reports each call's outcome to a sink. A MarkerRecorded says the patched branch ran, but
// its absence says nothing when the call sits behind a condition the history never met.
const WORKFLOWS_DIR = join(__dirname, '..', '..', 'workflows');
const PROBE = join(__dirname, 'patch-coverage', 'patch-probe.ts');
const quiet = { trace: () => undefined, debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined, log: () => undefined };

type Branch = 'patched' | 'not patched' | 'deprecated';

describe('patch coverage of the committed histories', () => {
  const { uses, unreadable } = patchUses(WORKFLOWS_DIR);
  const ids = new Map(uses.map((u) => [u.id, u.kind]));
  /** history name → patch id → branches taken. */
  const taken = new Map<string, Map<string, Set<Branch>>>();
  const failures: string[] = [];

  beforeAll(async () => {
    const options = workflowBundleOptions();
    // Only imports made by workflows/** are redirected; the probe itself imports the real module.
    const probeFor = new NormalModuleReplacementPlugin(/^@temporalio\/workflow$/, (resource: { request: string; contextInfo?: { issuer?: string } }) => {
      if (resource.contextInfo?.issuer?.startsWith(WORKFLOWS_DIR + sep)) resource.request = PROBE;
    });
    const bundle = await bundleWorkflowCode({
      ...options,
      logger: quiet,
      webpackConfigHook: (config) => {
        const hooked = webpackConfigHook(config);
        return { ...hooked, plugins: [...(hooked.plugins ?? []), probeFor] };
      },
    });
    const sinks: InjectedSinks<PatchCoverageSinks> = {
      patchCoverage: {
        taken: {
          fn: (info, patchId, branch) => {
            const byId = taken.get(info.workflowId) ?? new Map<string, Set<Branch>>();
            byId.set(patchId, (byId.get(patchId) ?? new Set<Branch>()).add(branch));
            taken.set(info.workflowId, byId);
          },
          callDuringReplay: true,
        },
      },
    };
    // Each history replays under its file name as workflow id, so the sink knows which one it is.
    const results = Worker.runReplayHistories({ workflowBundle: bundle, sinks, replayName: 'patch-coverage' }, readHistories().map((h) => ({ workflowId: h.name, history: h.history })));
    for await (const result of results) if (result.error) failures.push(`${result.workflowId}: ${result.error.message}`);
  }, 300_000);

  it('reads every patch id from the workflow sources', () => {
    expect(unreadable).toEqual([]);
    expect(ids.size).toBeGreaterThan(0);
  });

  it('replays every history through the probe', () => {
    expect(failures).toEqual([]);
  });

  it('every branch of every live patch is taken by a committed history', () => {
    const missing: string[] = [];
    for (const [id, kind] of ids) {
      const wanted: Branch[] = kind === 'patched' ? ['patched', 'not patched'] : ['deprecated'];
      for (const branch of wanted) {
        const by = [...taken].filter(([, byId]) => byId.get(id)?.has(branch)).map(([name]) => name);
        if (by.length === 0) missing.push(`${id}: no committed history takes the ${branch} branch`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('observes no patch id the source scan missed', () => {
    const observed = new Set([...taken.values()].flatMap((byId) => [...byId.keys()]));
    expect([...observed].filter((id) => !ids.has(id))).toEqual([]);
  });
});
