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
  /** The owner role's URL: migrations run with it when set; the API and workers use DATABASE_URL. */
  DATABASE_OWNER_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),

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
  /**
   * Stack traces of every pending promise in workflow code, for the `__stack_trace` query (the
   * Temporal UI's "Stack Trace"). Off: capturing one per promise is a large share of a workflow
   * task's CPU. Turn on (and restart the worker) to see where a stuck program waits.
   */
  WORKFLOW_STACK_TRACES: bool.default(false),

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
  /** Users' webhook URLs are delivered (signed with WEBHOOK_SECRET, which production then requires). */
  WEBHOOKS_ENABLED: bool.default(false),

  AUDIT_SIGNING_KEY: optionalString,
  /** Where signed checkpoints are published (an append-only journal); default $DATA_DIR/audit-checkpoints. */
  AUDIT_CHECKPOINT_DIR: optionalString,
  /** Comma-separated addresses that receive every published checkpoint by email. */
  AUDIT_CHECKPOINT_RECIPIENTS: z
    .string()
    .default('')
    .refine((v) => v.split(',').map((a) => a.trim()).filter(Boolean).every((a) => /^[^\s@]+@[^\s@]+$/.test(a)), 'must be comma-separated email addresses'),
  /** How often the checkpoint schedule signs every stream's head (stage changes trigger one as well). */
  AUDIT_CHECKPOINT_INTERVAL_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(60),
  /** HMAC-SHA256 key the API signs command envelopes with and workers verify (production requires it). */
  COMMAND_SIGNING_KEY: z.string().min(32, 'must be at least 32 characters').optional(),
  /** How long the API waits for a worker to accept a command before answering 503 WORKER_UNAVAILABLE. */
  UPDATE_ACCEPT_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(5_000),
  /**
   * Commands of one program an API replica sends to Temporal at once; the rest wait their turn in
   * the replica. Keep replicas × this ≤ the server's history.maxInFlightUpdates (10 by default):
   * an Update over that limit is refused, and the refusal drops the workflow task in flight.
   */
  PROGRAM_COMMANDS_IN_FLIGHT: z.coerce.number().int().min(1).max(10).default(4),
  /** Demo region, schools and users: on by default except in production (see loadConfig). */
  SEED_DEMO_DATA: bool.optional(),
  /** The demo users' password; production requires one of its own (the README's is public). */
  DEMO_PASSWORD: z.string().min(12, 'must be at least 12 characters').optional(),

  /** A Chromium (or Chrome) executable for PDF reports; unset: /usr/bin/chromium, else @sparticuz/chromium. */
  CHROMIUM_PATH: optionalString,
  /** How long a stored Idempotency-Key response is replayed; older records are deleted. */
  IDEMPOTENCY_RETENTION_HOURS: z.coerce.number().int().min(1).max(24 * 90).default(24),
});

/** The parsed environment; SEED_DEMO_DATA is resolved from NODE_ENV when it is not set. */
export type Config = Omit<z.infer<typeof ConfigSchema>, 'SEED_DEMO_DATA'> & { SEED_DEMO_DATA: boolean };
