import path from 'node:path'
import proxyaddr from 'proxy-addr'
import { z } from 'zod'

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes')

function validAddresses(list: string[]) {
  try {
    proxyaddr.compile(list)
    return true
  } catch {
    return false
  }
}

/**
 * Every setting Probity reads from the environment. Read once, at boot; a bad
 * value stops the app with a message naming the variable.
 */
export const ConfigSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  PUBLIC_URL: z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }).optional(),
  SESSION_TTL_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(12),
  SEED_DEMO: booleanFlag.default(true),
  /** With the demo service, its proposals at every stage (taken there through the real workflow). */
  SEED_DEMO_STAGES: booleanFlag.default(true),
  SIGNING_P12_PATH: z.string().min(1).optional(),
  SIGNING_P12_PASSPHRASE: z.string().optional(),
  SIGNING_ROOT_PATH: z.string().min(1).optional(),
  SIGNING_CRL_PATH: z.string().min(1).optional(),
  SIGNING_TSA_URL: z.url({ protocol: /^https?$/, message: 'must be an http(s) URL of an RFC 3161 timestamp authority' }).optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL')
    .optional(),
  MAIL_FROM: z.string().min(3).default('Probity <probity@localhost>'),
  /** Tries of one e-mail after the first before it is set aside for an administrator. */
  MAIL_RETRY_LIMIT: z.coerce.number().int().min(0).max(20).default(8),
  /** The first wait before a retry; each later wait doubles (with jitter), up to an hour. */
  MAIL_RETRY_DELAY_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  /** How long a sent e-mail (its body included) is kept before it is deleted. */
  OUTBOX_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  /** How often idle workers look for new jobs; lower only in tests. */
  QUEUE_POLL_SECONDS: z.coerce.number().min(0.5).max(60).default(2),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Addresses (CIDR, comma-separated) that may read /metrics without a token. */
  METRICS_ALLOW: z
    .string()
    .default('127.0.0.1/8,::1/128')
    .transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean))
    .refine(validAddresses, 'must be IP addresses or CIDR ranges, comma-separated'),
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  /** How long a stopping server waits for requests in flight before closing their connections. */
  SHUTDOWN_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(600).default(25),
  /** How long an invitation link lets a new person set their password. */
  INVITATION_TTL_DAYS: z.coerce.number().int().min(1).max(90).default(7),
  /** Where file bytes go: the database (default, so its backup is complete) or an S3-compatible bucket. */
  STORAGE_TRANSPORT: z.enum(['database', 's3']).default('database'),
  S3_ENDPOINT: z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }).optional(),
  S3_REGION: z.string().min(1).default('us-east-1'),
  S3_BUCKET: z.string().min(3, 'must be a bucket name').optional(),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  S3_FORCE_PATH_STYLE: booleanFlag.default(true),
})

export type Config = z.infer<typeof ConfigSchema> & {
  dataDir: string
  publicUrl: string
}

export class ConfigError extends Error {}

export function parseConfig(env: Record<string, string | undefined>): Config {
  // Empty strings mean "not set", as they do in most .env tooling.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''))
  const result = ConfigSchema.safeParse(cleaned)
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`)
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`)
  }
  const c = result.data
  if (c.STORAGE_TRANSPORT === 's3' && !c.S3_BUCKET) {
    throw new ConfigError('Invalid configuration:\n  S3_BUCKET: must be set when STORAGE_TRANSPORT is s3')
  }
  if (Boolean(c.S3_ACCESS_KEY_ID) !== Boolean(c.S3_SECRET_ACCESS_KEY)) {
    throw new ConfigError('Invalid configuration:\n  S3_SECRET_ACCESS_KEY: set both S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY, or neither')
  }
  const publicUrl = (c.PUBLIC_URL ?? `http://localhost:${c.PORT}`).replace(/\/$/, '')
  const local = /^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:|$)/.test(publicUrl)
  if (c.NODE_ENV === 'production' && !publicUrl.startsWith('https:') && !local) {
    throw new ConfigError(
      'Invalid configuration:\n  PUBLIC_URL: must be an https:// URL in production (session cookies are Secure)',
    )
  }
  return {
    ...c,
    dataDir: path.resolve(c.DATA_DIR),
    publicUrl,
  }
}
