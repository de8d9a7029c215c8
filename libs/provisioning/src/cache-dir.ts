import { homedir } from 'node:os';
import { join } from 'node:path';

/** Per-user cache for tools Mutu builds once (Temporal CLI, the Java test server classpath). */
export function userCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.MUTU_CACHE_DIR) return env.MUTU_CACHE_DIR;
  const base = env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(base, 'mutu');
}
