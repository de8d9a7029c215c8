// Stands in for '@temporalio/workflow' inside workflows/** in the patch-coverage bundle only: the
// same API, except that patched() and deprecatePatch() also report which branch they chose to a
// sink called during replay. The real functions decide, so a replay through it is a real replay.
import { deprecatePatch as realDeprecatePatch, patched as realPatched, proxySinks, type Sinks } from '@temporalio/workflow';

export * from '@temporalio/workflow';

export interface PatchCoverageSinks extends Sinks {
  patchCoverage: {
    /** `branch`: 'patched' or 'not patched' for patched(); 'deprecated' for deprecatePatch(). */
    taken(patchId: string, branch: 'patched' | 'not patched' | 'deprecated'): void;
  };
}

const { patchCoverage } = proxySinks<PatchCoverageSinks>();

export function patched(patchId: string): boolean {
  const taken = realPatched(patchId);
  patchCoverage.taken(patchId, taken ? 'patched' : 'not patched');
  return taken;
}

export function deprecatePatch(patchId: string): void {
  realDeprecatePatch(patchId);
  patchCoverage.taken(patchId, 'deprecated');
}
