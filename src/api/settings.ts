import { z } from 'zod';
import { authSettingsSchema } from './middleware/auth/auth-settings.ts';
import { ALGORITHM_IDS, HEADER_STYLES } from './middleware/rate-limit/policy.ts';

/** The resources an idempotency rule can name (shared API.md §2). */
export const RESOURCE_NAMES = ['users', 'products', 'orders'] as const;
/** The methods a fault can affect (shared API.md §8). */
export const FAULT_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
const rate = z.number().min(0).max(1);

// RFC 9111 §5.2: a comma-separated list of directives, each a token with an optional
// `=token` or `="quoted string"` argument.
const TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
const DIRECTIVE = `${TOKEN}(?:=(?:${TOKEN}|"[^"\\\\]*"))?`;
const cacheDirectives = z
  .string()
  .max(200)
  .regex(new RegExp(`^${DIRECTIVE}(?:\\s*,\\s*${DIRECTIVE})*$`), {
    error: 'must be Cache-Control directives, e.g. "public, max-age=60"',
  });

/**
 * Runtime settings, read and changed through /__admin/settings. Each mechanism owns a section;
 * labs add theirs here (rate_limit, auth, idempotency, …). Every field has a default so
 * `DELETE /__admin/settings` can always restore a valid whole.
 */
export const settingsSchema = z
  .strictObject({
    limits: z
      .strictObject({
        max_body_bytes: z.int().min(1).max(10_485_760).default(65_536),
        max_page_size: z.int().min(1).max(1000).default(100),
        default_page_size: z.int().min(1).max(1000).default(20),
      })
      .prefault({}),
    journal: z
      .strictObject({
        /** Requests kept by the core for GET /__admin/requests; the UI keeps its own, larger log. */
        capacity: z.int().min(1).max(100_000).default(1000),
      })
      .prefault({}),
    /** shared API.md §5: on by default, token bucket, 100 requests per 10 s, both header styles. */
    rate_limit: z
      .strictObject({
        enabled: z.boolean().default(true),
        algorithm: z.enum(ALGORITHM_IDS).default('token_bucket'),
        quota: z.int().min(1).max(1_000_000).default(100),
        // Whole seconds: the RateLimit-Policy header carries the window as an integer of seconds.
        window_ms: z.int().min(1000).max(86_400_000).multipleOf(1000).default(10_000),
        /** Capacity of the token and leaky buckets; null means the quota. */
        burst: z.int().min(1).max(1_000_000).nullable().default(null),
        headers: z.enum(HEADER_STYLES).default('both'),
        /** shared API.md §9: a 304 to a conditional GET or HEAD does not spend quota. */
        free_304: z.boolean().default(true),
      })
      .prefault({}),
    /** shared API.md §6: who must show a token, how it is checked, how it is signed. */
    auth: authSettingsSchema,
    /** shared API.md §9: a write without If-Match or If-Unmodified-Since → 428 when required. */
    conditional: z.strictObject({ require_preconditions: z.boolean().default(false) }).prefault({}),
    /** shared API.md §9: Cache-Control on GET/HEAD 200 and 304, per resource and for list pages. */
    caching: z
      .strictObject({
        policies: z
          .strictObject({
            users: cacheDirectives.default('private, no-cache'),
            products: cacheDirectives.default('public, max-age=60'),
            orders: cacheDirectives.default('private, no-cache'),
            lists: cacheDirectives.default('no-cache'),
          })
          .prefault({}),
      })
      .prefault({}),
    /** shared API.md §8: the Idempotency-Key dialect, where a key is required, how long it is kept. */
    idempotency: z
      .strictObject({
        dialect: z.enum(['ietf', 'stripe']).default('ietf'),
        required: z
          .array(z.enum(RESOURCE_NAMES))
          .max(RESOURCE_NAMES.length)
          .refine((names) => new Set(names).size === names.length, {
            error: 'must not name a resource twice',
          })
          .default([]),
        retention_ms: z.int().min(1000).max(31_622_400_000).default(86_400_000),
      })
      .prefault({}),
    /** shared API.md §8: injected latency, 503s and dropped answers, all from one seed. */
    faults: z
      .strictObject({
        latency_ms: z.int().min(0).max(60_000).default(0),
        jitter_ms: z.int().min(0).max(60_000).default(0),
        error_rate: rate.default(0),
        drop_rate: rate.default(0),
        seed: z.int().min(0).max(0xffffffff).default(1),
        methods: z
          .array(z.enum(FAULT_METHODS))
          .max(FAULT_METHODS.length)
          .default([...FAULT_METHODS]),
        path_prefix: z
          .string()
          .max(200)
          .regex(/^\/[\x21-\x7e]*$/, { error: 'must be a path starting with /' })
          .default('/api/v1'),
      })
      .prefault({}),
  })
  .superRefine((settings, context) => {
    if (settings.limits.default_page_size > settings.limits.max_page_size) {
      context.addIssue({
        code: 'custom',
        path: ['limits', 'default_page_size'],
        message: 'must not exceed limits.max_page_size',
      });
    }
    if (settings.faults.jitter_ms > settings.faults.latency_ms) {
      context.addIssue({
        code: 'custom',
        path: ['faults', 'jitter_ms'],
        message: 'must not exceed faults.latency_ms (a delay is never negative)',
      });
    }
  });

export type Settings = z.infer<typeof settingsSchema>;

export const defaultSettings = (): Settings => settingsSchema.parse({});

/** Holds the current settings; replaced whole, so a reader never sees half an update. */
export interface SettingsHolder {
  readonly current: Settings;
  replace(next: Settings): void;
}

export function createSettingsHolder(
  initial: Settings,
  onChange: (settings: Settings) => void,
): SettingsHolder {
  let current = initial;
  return {
    get current() {
      return current;
    },
    replace(next) {
      current = next;
      onChange(next);
    },
  };
}
