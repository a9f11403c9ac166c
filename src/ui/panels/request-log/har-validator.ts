import Ajv from 'ajv';
import draft06 from 'ajv/dist/refs/json-schema-draft-06.json' with { type: 'json' };
import harSchemas from 'har-schema';

// For tests only (unit and e2e): validating an exported HAR against the published schema.
/** The HAR 1.2 JSON schema (har-schema, as har-validator uses it), compiled once. */
export function harValidator() {
  const ajv = new Ajv({ allErrors: true, strict: false });
  ajv.addMetaSchema(draft06);
  // ajv ships no formats; these are the ones har-schema uses.
  ajv.addFormat('date-time', (value: string) =>
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(value),
  );
  ajv.addFormat('uri', (value: string) => URL.canParse(value));
  ajv.addFormat('ipv4', /^(\d{1,3}\.){3}\d{1,3}$/);
  ajv.addFormat('ipv6', /^[0-9a-f:.]+$/i);
  for (const [name, schema] of Object.entries(harSchemas))
    if (name !== 'har') ajv.addSchema(schema);
  return ajv.compile(harSchemas.har);
}
