import { z } from 'zod';

const port = z.coerce.number().int().min(0).max(65535);
const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');
const optionalString = z.string().min(1).optional();

/**
 * The environment of every Mutu process. Unknown MUTU_* variables are not errors (other tools
 * share the environment), but every variable listed here is validated once at boot.
 */
export const ConfigSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),

  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(20),

  TEMPORAL_ADDRESS: z
    .string()
    .regex(/^[^\s:]+:\d+$/, 'must be host:port')
    .optional(),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  TEMPORAL_TASK_QUEUE: z.string().min(1).default('mutu-programs'),
  TEMPORAL_TLS: bool.default(false),
  TEMPORAL_TLS_CERT_PATH: optionalString,
  TEMPORAL_TLS_KEY_PATH: optionalString,
  TEMPORAL_TLS_CA_PATH: optionalString,
  TEMPORAL_TLS_SERVER_NAME: optionalString,
  TEMPORAL_API_KEY: optionalString,
  TEMPORAL_CLI_PATH: optionalString,
  TEMPORAL_UI_PORT: port.default(8233),
  /** Workflows a worker keeps in memory; an evicted one replays its history on its next task. */
  WORKER_CACHED_WORKFLOWS: z.coerce.number().int().min(1).max(100_000).default(1_000),

  API_HOST: z.string().min(1).default('127.0.0.1'),
  API_PORT: port.default(3000),
  CORS_ORIGINS: z.string().default(''),
  /**
   * How long the API may answer a GET /programs page from memory; pages are dropped as soon as
   * PostgreSQL announces a change to programs, and none are kept while that is not heard. 0: off.
   */
  PROGRAM_LIST_CACHE_MS: z.coerce.number().int().min(0).max(60_000).default(5_000),
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  JWT_ACCESS_TTL_SECONDS: z.coerce.number().int().min(30).max(86_400).default(900),
  JWT_REFRESH_TTL_SECONDS: z.coerce.number().int().min(300).default(1_209_600),

  DATA_DIR: z.string().min(1).default('.data'),
  STORAGE_DIR: optionalString,
  UPLOAD_MAX_BYTES: z.coerce.number().int().min(1).default(20 * 1024 * 1024),

  SMTP_HOST: z.string().min(1).default('127.0.0.1'),
  SMTP_PORT: port.default(1025),
  SMTP_SECURE: bool.default(false),
  SMTP_USER: optionalString,
  SMTP_PASSWORD: optionalString,
  SMTP_FROM: z.string().min(3).default('Mutu <noreply@mutu.local>'),
  WEBHOOK_SECRET: optionalString,

  AUDIT_SIGNING_KEY: optionalString,
  SEED_DEMO_DATA: bool.default(true),
});

export type Config = z.infer<typeof ConfigSchema>;
