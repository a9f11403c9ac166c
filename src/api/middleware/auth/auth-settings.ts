import { z } from 'zod';

export const ENFORCE_MODES = ['off', 'writes', 'all'] as const;
export const VERIFIERS = ['bcp', 'naive'] as const;
/** The signing algorithms an instance can use; each key has exactly one (RFC 8725 §3.1). */
export const SIGNING_ALGS = ['ES256', 'EdDSA', 'RS256', 'HS256'] as const;
export type SigningAlg = (typeof SIGNING_ALGS)[number];

/**
 * The `auth` settings section (shared API.md §6). `hs256_secret` null means a random 256-bit key
 * per instance; a string sets it, so the lab can show what a weak one costs.
 */
export const authSettingsSchema = z
  .strictObject({
    enforce: z.enum(ENFORCE_MODES).default('off'),
    verifier: z.enum(VERIFIERS).default('bcp'),
    alg: z.enum(SIGNING_ALGS).default('ES256'),
    hs256_secret: z.string().min(1).max(512).nullable().default(null),
    access_ttl_s: z.int().min(1).max(31_536_000).default(900),
    refresh_ttl_s: z.int().min(1).max(31_536_000).default(604_800),
    key_grace_s: z.int().min(0).max(31_536_000).default(900),
  })
  .prefault({});

export type AuthSettings = z.infer<typeof authSettingsSchema>;
