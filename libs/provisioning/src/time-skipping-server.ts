import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { userCacheDir } from './cache-dir';
import { PrerequisiteError, type ProvisionLog } from './log';
import { findOnPath } from './temporal-cli';

export const TEST_SERVER_VERSION = '1.31.0';
export const TEST_SERVER_MAIN = 'io.temporal.testserver.TestServer';

export type TestServerExecutable = { type: 'existing-path'; path: string } | { type: 'cached-download' };

function pom(version: string): string {
  return `<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>local.mutu</groupId><artifactId>temporal-test-server-classpath</artifactId><version>1</version>
  <dependencies>
    <dependency><groupId>io.temporal</groupId><artifactId>temporal-test-server</artifactId><version>${version}</version></dependency>
  </dependencies>
</project>
`;
}

/**
 * The Java time-skipping test server, resolved with Maven once into the user cache and wrapped
 * by a script the Temporal SDK runs as an `existing-path` executable (it passes the port).
 * Without Java and Maven the SDK downloads its own build.
 */
export function resolveTimeSkippingServer(log: ProvisionLog, env: NodeJS.ProcessEnv = process.env): TestServerExecutable {
  if (env.TEMPORAL_TEST_SERVER_PATH) {
    if (!existsSync(env.TEMPORAL_TEST_SERVER_PATH)) {
      throw new PrerequisiteError(`Time-skipping server: TEMPORAL_TEST_SERVER_PATH=${env.TEMPORAL_TEST_SERVER_PATH} does not exist; point it at a test server executable or unset it.`);
    }
    log(`Time-skipping server: ${env.TEMPORAL_TEST_SERVER_PATH} (from TEMPORAL_TEST_SERVER_PATH)`);
    return { type: 'existing-path', path: env.TEMPORAL_TEST_SERVER_PATH };
  }
  const java = findOnPath('java', env);
  const mvn = findOnPath('mvn', env);
  if (!java || !mvn) {
    log('Time-skipping server: Java or Maven not found; using the Temporal SDK download');
    return { type: 'cached-download' };
  }
  const dir = join(userCacheDir(env), 'temporal-test-server', TEST_SERVER_VERSION);
  const classpathFile = join(dir, 'classpath.txt');
  const wrapper = join(dir, 'test-server.sh');
  if (!existsSync(classpathFile) || readFileSync(classpathFile, 'utf8').trim() === '') {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'pom.xml'), pom(TEST_SERVER_VERSION));
    log(`Time-skipping server: resolving io.temporal:temporal-test-server:${TEST_SERVER_VERSION} with Maven into ${dir}`);
    const result = spawnSync(mvn, ['-q', '-B', 'dependency:build-classpath', `-Dmdep.outputFile=${classpathFile}`], {
      cwd: dir,
      stdio: ['ignore', 'inherit', 'inherit'],
      env,
    });
    if (result.status !== 0 || !existsSync(classpathFile)) {
      rmSync(classpathFile, { force: true });
      throw new PrerequisiteError(
        `Time-skipping server: Maven could not resolve io.temporal:temporal-test-server:${TEST_SERVER_VERSION} (${result.error?.message ?? `exit ${result.status}`}); ` +
          'check that Maven reaches Maven Central (its output is above), or set TEMPORAL_TEST_SERVER_PATH to a test server executable.',
      );
    }
  }
  const classpath = readFileSync(classpathFile, 'utf8').trim();
  // C1-only JIT and the serial collector start the JVM fastest; the SDK waits only ~5 s for it.
  const script = `#!/bin/sh\nexec "${java}" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xss512k -cp "${classpath}" ${TEST_SERVER_MAIN} "$@"\n`;
  if (!existsSync(wrapper) || readFileSync(wrapper, 'utf8') !== script) {
    writeFileSync(wrapper, script);
    chmodSync(wrapper, 0o755);
  }
  log(`Time-skipping server: Java test server ${TEST_SERVER_VERSION} via ${wrapper}`);
  return { type: 'existing-path', path: wrapper };
}
