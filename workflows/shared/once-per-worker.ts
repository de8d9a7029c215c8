// Preloaded into the worker's reusable V8 context (PRELOADED_WORKFLOW_MODULES in libs/temporal), so
// this module — and the Map below — exist once per worker rather than once per workflow. The SDK
// freezes preloaded modules, which leaves a Map's entries writable.
const loaded = new Map<string, unknown>();

/**
 * The value `load` gives, computed by the first workflow that asks for `name` in this worker and
 * handed to every later one. Only for pure modules (no state of their own, nothing that depends on
 * which workflow runs them): the domain.
 */
export function oncePerWorker<T>(name: string, load: () => T): T {
  if (!loaded.has(name)) loaded.set(name, load());
  return loaded.get(name) as T;
}
