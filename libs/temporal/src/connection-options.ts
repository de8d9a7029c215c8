import { readFileSync } from 'node:fs';
import type { Config } from '@mutu/config';

/** Connection options for a local dev server or a remote cluster (mTLS or API key). */
export function temporalConnectionOptions(config: Config) {
  if (!config.TEMPORAL_ADDRESS) throw new Error('TEMPORAL_ADDRESS is not set (npm start provisions one; see README)');
  const mtls = config.TEMPORAL_TLS_CERT_PATH && config.TEMPORAL_TLS_KEY_PATH;
  const tls =
    config.TEMPORAL_TLS || mtls || config.TEMPORAL_API_KEY
      ? {
          serverNameOverride: config.TEMPORAL_TLS_SERVER_NAME,
          serverRootCACertificate: config.TEMPORAL_TLS_CA_PATH ? readFileSync(config.TEMPORAL_TLS_CA_PATH) : undefined,
          clientCertPair: mtls
            ? { crt: readFileSync(config.TEMPORAL_TLS_CERT_PATH!), key: readFileSync(config.TEMPORAL_TLS_KEY_PATH!) }
            : undefined,
        }
      : undefined;
  return { address: config.TEMPORAL_ADDRESS, tls, apiKey: config.TEMPORAL_API_KEY };
}
