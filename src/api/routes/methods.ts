import { JSON_TYPE, MERGE_PATCH_TYPE } from '../respond.ts';

/**
 * Methods fetch's Request refuses to carry (Fetch standard, "forbidden method"). node:http
 * accepts them and the core answers them (405 with Allow); a page or msw/node cannot send them.
 * @see https://fetch.spec.whatwg.org/#forbidden-method
 */
export const FETCH_FORBIDDEN_METHODS: ReadonlySet<string> = new Set(['CONNECT', 'TRACE', 'TRACK']);

/**
 * The media type a write body takes here: JSON Merge Patch for PATCH (RFC 7396, named by
 * Accept-Patch), JSON for POST and PUT. The routes declare the same; clients use this to send.
 */
export const writeMediaType = (method: string): string =>
  method.toUpperCase() === 'PATCH' ? MERGE_PATCH_TYPE : JSON_TYPE;
