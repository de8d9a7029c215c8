// The patch ids the workflow sources use, read from the source text: literal patched('id') and
// deprecatePatch('id') calls, and calls of a local helper that passes its argument to patched()
// (e.g. `const recordedBetween = (patchId: string) => ... patched(patchId)`; `recordedBetween('x')`).
// Any other patched(<expression>) call is reported as unreadable, so no patch can hide from the test.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export interface PatchUse {
  id: string;
  /** 'patched' has two branches; 'deprecated' (deprecatePatch) has only the new one. */
  kind: 'patched' | 'deprecated';
  file: string;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const path = join(dir, f);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|js)$/.test(f) && !/\.(spec|test)\.ts$/.test(f) ? [path] : [];
  });
}

export function patchUses(workflowsDir: string): { uses: PatchUse[]; unreadable: string[] } {
  const uses: PatchUse[] = [];
  const unreadable: string[] = [];
  for (const path of sourceFiles(workflowsDir)) {
    const file = relative(join(workflowsDir, '..'), path);
    const text = readFileSync(path, 'utf8').replace(/^\s*\/\/.*$/gm, '');
    for (const m of text.matchAll(/\bpatched\(\s*(['"])([^'"]+)\1\s*\)/g)) uses.push({ id: m[2], kind: 'patched', file });
    for (const m of text.matchAll(/\bdeprecatePatch\(\s*(['"])([^'"]+)\1\s*\)/g)) uses.push({ id: m[2], kind: 'deprecated', file });
    const helpers = [...text.matchAll(/\b(?:const|function)\s+(\w+)\s*=?\s*\(\s*(\w+)\s*(?::\s*string)?\s*\)\s*(?::\s*\w+\s*)?(?:=>)?[^;\n]*\bpatched\(\s*\2\s*\)/g)];
    for (const [, helper] of helpers) {
      for (const m of text.matchAll(new RegExp(`\\b${helper}\\(\\s*(['"])([^'"]+)\\1\\s*\\)`, 'g'))) uses.push({ id: m[2], kind: 'patched', file });
    }
    // A helper's own patched(param) call is read through its callers above.
    const helperParams = new Set(helpers.map((h) => h[2]));
    for (const m of text.matchAll(/\b(?:patched|deprecatePatch)\(\s*([^'")\s][^)]*)\)/g)) {
      if (!helperParams.has(m[1].trim())) unreadable.push(`${file}: ${m[0]}`);
    }
  }
  return { uses, unreadable };
}
