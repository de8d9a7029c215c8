import { createRequire } from 'node:module';
import { PrerequisiteError, type ProvisionLog } from './log';
import { isExecutable } from './temporal-cli';

/**
 * Headless Chromium for the browser tests and the PDF report, in this order: CHROMIUM_PATH, the
 * system's /usr/bin/chromium, then the build inside the @sparticuz/chromium package (unpacked once
 * into the temp directory), so nothing needs a browser download.
 */
export async function resolveChromium(log: ProvisionLog, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  if (env.CHROMIUM_PATH) {
    if (!isExecutable(env.CHROMIUM_PATH)) {
      throw new PrerequisiteError(`Chromium: CHROMIUM_PATH=${env.CHROMIUM_PATH} is not an executable file; point it at a Chromium binary or unset it.`);
    }
    log(`Chromium: ${env.CHROMIUM_PATH} (from CHROMIUM_PATH)`);
    return env.CHROMIUM_PATH;
  }
  if (isExecutable('/usr/bin/chromium')) {
    log('Chromium: /usr/bin/chromium (the system package)');
    return '/usr/bin/chromium';
  }
  let path: string;
  try {
    // A dev-time package, absent from a pruned production install: loaded only when needed.
    const mod = createRequire(__filename)('@sparticuz/chromium') as { default?: { executablePath(): Promise<string> }; executablePath?: () => Promise<string> };
    path = await (mod.default ?? (mod as { executablePath(): Promise<string> })).executablePath();
  } catch (e) {
    throw new PrerequisiteError(
      `Chromium: no CHROMIUM_PATH, no /usr/bin/chromium, and the @sparticuz/chromium package could not unpack its build (${e instanceof Error ? e.message.split('\n')[0] : String(e)}); ` +
        'install Debian\'s chromium package (apt-get install chromium), set CHROMIUM_PATH, or run `npm install`.',
    );
  }
  log(`Chromium: ${path} (unpacked from @sparticuz/chromium)`);
  return path;
}
