import { note, type ApiContext, type ApiRequest } from '../../context.ts';
import { ProblemError } from '../../problems.ts';
import type { JSON_TYPE } from '../../respond.ts';
import { MERGE_PATCH_TYPE } from '../../respond.ts';
import { cite } from '../../standards.ts';

export type JsonObject = Record<string, unknown>;
export type BodyMediaType = typeof JSON_TYPE | typeof MERGE_PATCH_TYPE;

/**
 * Reads a request body that must be one JSON object, in the order a client can act on:
 * 415 wrong Content-Type → 413 too large → 400 not UTF-8 / not JSON / not an object.
 * Validation of the object's fields (422) is the resource's job.
 * With `optional`, a request with no body at all yields undefined.
 */
export async function readJsonObject(
  context: ApiContext,
  mediaType: BodyMediaType,
  options: { optional?: boolean } = {},
): Promise<JsonObject | undefined> {
  const { request } = context;
  const contentType = request.headers.get('Content-Type');
  const maxBytes = context.env.settings.current.limits.max_body_bytes;
  if (options.optional && contentType === null) {
    // No Content-Type is fine for an optional body only if there is no body at all.
    const bytes = await readCapped(request, maxBytes);
    if (bytes.byteLength === 0) return undefined;
    context.requestBodyText = new TextDecoder().decode(bytes);
  }
  checkMediaType(context, contentType, mediaType);

  const bytes = await readCapped(request, maxBytes);
  const text = decodeUtf8(bytes);
  context.requestBodyText = text;
  if (text.trim() === '') {
    if (options.optional) return undefined;
    throw new ProblemError('invalid-body', 'The request body is empty; send a JSON object.', {
      rule: 'Empty body → 400',
    });
  }

  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : 'unparseable';
    throw new ProblemError('malformed-json', `The request body is not valid JSON: ${reason}`, {
      rule: 'Malformed JSON → 400 (RFC 8259)',
    });
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    const kind = value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`;
    throw new ProblemError('invalid-body', `The request body must be a JSON object, not ${kind}.`, {
      rule: 'Body is not a JSON object → 400',
    });
  }
  return value as JsonObject;
}

function checkMediaType(context: ApiContext, contentType: string | null, expected: BodyMediaType) {
  const parsed = parseMediaType(contentType);
  const charsetOk = parsed?.charset === undefined || parsed.charset === 'utf-8';
  if (parsed?.essence === expected && charsetOk) return;

  const sent = contentType === null ? 'no Content-Type' : `Content-Type "${contentType}"`;
  const headers: Record<string, string> =
    expected === MERGE_PATCH_TYPE ? { 'Accept-Patch': MERGE_PATCH_TYPE } : {};
  const why =
    parsed?.essence === expected ? 'JSON is always UTF-8 (RFC 8259 §8.1)' : `send ${expected}`;
  note(context, `${context.method} with ${sent} → 415`, cite('RFC 9110 §15.5.16'));
  throw new ProblemError(
    'unsupported-media-type',
    `${context.method} takes a body of type ${expected}; this request has ${sent} (${why}).`,
    { headers, errors: [{ header: 'Content-Type', detail: `must be ${expected}` }] },
  );
}

/** The media type's essence (type/subtype, lower-case) and charset, per RFC 9110 §8.3.1. */
export function parseMediaType(
  value: string | null,
): { essence: string; charset?: string } | undefined {
  if (value === null) return undefined;
  const [essence = '', ...params] = value.split(';');
  const result: { essence: string; charset?: string } = { essence: essence.trim().toLowerCase() };
  for (const param of params) {
    const [name = '', raw = ''] = param.split('=');
    if (name.trim().toLowerCase() === 'charset') {
      result.charset = raw.trim().replace(/^"|"$/g, '').toLowerCase();
    }
  }
  return result;
}

export async function readCapped(request: ApiRequest, maxBytes: number): Promise<Uint8Array> {
  const tooLarge = () =>
    new ProblemError(
      'content-too-large',
      `The request body is larger than ${maxBytes} bytes (limits.max_body_bytes).`,
      { rule: `Body over ${maxBytes} bytes → 413 (RFC 9110 §15.5.14)` },
    );
  const declared = Number(request.headers.get('Content-Length'));
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge();
  if (request.bodyBytes !== undefined) {
    if (request.bodyBytes.byteLength > maxBytes) throw tooLarge();
    return request.bodyBytes;
  }
  if (request.body === null) return new Uint8Array(0);

  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      // Not awaited: cancelling one branch of a cloned (tee'd) body waits for the other forever.
      void reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  if (chunks.length === 1 && chunks[0]) return chunks[0];
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function decodeUtf8(bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes);
  } catch {
    throw new ProblemError(
      'malformed-json',
      'The request body is not valid UTF-8, so it cannot be JSON (RFC 8259 §8.1).',
      {
        rule: 'Body not UTF-8 → 400',
      },
    );
  }
}
