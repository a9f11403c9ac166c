import { z } from 'zod';

export type JsonSchema = Record<string, unknown>;

/**
 * JSON Schema 2020-12 (OpenAPI 3.1's dialect) of a zod schema, with zod's own converter. Named
 * schemas (`meta({ id })`) are lifted into `components`, the rest inlined. `io` picks the side:
 * "input" for what a client sends (a field with a default is optional), "output" for what the
 * API answers.
 */
export class SchemaCollector {
  readonly components: Record<string, JsonSchema> = {};

  convert(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
    const converted = z.toJSONSchema(schema, {
      target: 'draft-2020-12',
      io,
      unrepresentable: 'any',
      reused: 'inline',
    }) as JsonSchema;
    // The dialect is the document's own (OpenAPI 3.1: JSON Schema 2020-12), not stated per schema.
    delete converted.$schema;
    const { $defs, ...rest } = converted;
    for (const [name, definition] of Object.entries(($defs ?? {}) as Record<string, JsonSchema>)) {
      this.components[name] ??= relink(definition) as JsonSchema;
    }
    return relink(rest) as JsonSchema;
  }
}

/** zod writes `#/$defs/Name`; in an OpenAPI document they live under components. */
function relink(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(relink);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    if (key === '$ref' && typeof inner === 'string' && inner.startsWith('#/$defs/'))
      out[key] = `#/components/schemas/${inner.slice('#/$defs/'.length)}`;
    else out[key] = relink(inner);
  }
  return out;
}
