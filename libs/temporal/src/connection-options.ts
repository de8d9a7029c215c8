import { readFileSync } from 'node:fs';
import { defaultGrpcRetryOptions, makeGrpcRetryInterceptor } from '@temporalio/client';
import type { Config } from '@mutu/config';

const RESOURCE_EXHAUSTED = 8;
const IN_FLIGHT_UPDATES = /in-flight update/i;

/**
 * The client's default gRPC retries, except for one refusal: an Update refused because its
 * workflow already has as many Updates in flight as the server admits. That clears as soon as one
 * of them is answered (a workflow task), so the API's command delivery tries again within tens of
 * milliseconds, with jitter, rather than after the default's one-second back-off for an overloaded
 * server (apps/api command-delivery.ts).
 */
function retryInterceptor() {
  const defaults = defaultGrpcRetryOptions();
  return makeGrpcRetryInterceptor({
    ...defaults,
    retryableDecider: (attempt, status) =>
      !(status.code === RESOURCE_EXHAUSTED && IN_FLIGHT_UPDATES.test(status.details ?? '')) && defaults.retryableDecider(attempt, status),
  });
}


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

/** A client connection's options (the API's, the CLI's): the above with the retries described above. */
export function temporalClientConnectionOptions(config: Config) {
  return { ...temporalConnectionOptions(config), interceptors: [retryInterceptor()] };
}
