// `npx nest build api` compiles the API with nest-cli.json into dist/nest/api (not the dist/ that
// npm start runs), and what it writes loads: every `@mutu/*` import became a path node finds.
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');
const out = path.join(root, 'dist', 'nest', 'api');

describe('nest build api', () => {
  it('writes a loadable API to dist/nest/api', () => {
    rmSync(out, { recursive: true, force: true });
    const build = spawnSync(process.execPath, [path.join(root, 'node_modules', '@nestjs', 'cli', 'bin', 'nest.js'), 'build', 'api'], {
      cwd: root,
      encoding: 'utf8',
      timeout: 240_000,
    });
    expect({ status: build.status, output: `${build.stdout}${build.stderr}`.trim() }).toEqual({ status: 0, output: '' });
    const appModule = path.join(out, 'apps', 'api', 'src', 'app.module.js');
    expect(existsSync(path.join(out, 'apps', 'api', 'src', 'main.js'))).toBe(true);
    // Loading the module graph (without starting the API) resolves every require the build wrote.
    const load = spawnSync(process.execPath, ['-e', `require(${JSON.stringify(appModule)}); process.stdout.write('loaded')`], {
      cwd: root,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect({ status: load.status, stdout: load.stdout, stderr: load.stderr }).toEqual({ status: 0, stdout: 'loaded', stderr: '' });
  }, 300_000);
});
