import { resolve } from 'node:path';
import type { Provider } from '@nestjs/common';
import { CONFIG, type Config } from '@mutu/config';
import { loadSigningKey, type AuditSigningKey } from '@mutu/persistence';
import { PROJECT_ROOT } from '@mutu/temporal';

export const AUDIT_SIGNING_KEY = Symbol('AUDIT_SIGNING_KEY');
export type { AuditSigningKey };

export const auditSigningKeyProvider: Provider = {
  provide: AUDIT_SIGNING_KEY,
  inject: [CONFIG],
  useFactory: (config: Config) =>
    loadSigningKey({
      AUDIT_SIGNING_KEY: config.AUDIT_SIGNING_KEY,
      NODE_ENV: config.NODE_ENV,
      dataDir: resolve(PROJECT_ROOT, config.DATA_DIR),
      log: (line) => process.stdout.write(`${line}\n`),
    }),
};
