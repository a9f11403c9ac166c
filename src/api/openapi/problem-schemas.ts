import { PROBLEM_TYPES, problemTypeUri, type ProblemSlug } from '../problems.ts';

/**
 * The problem details of RFC 9457 as JSON Schema: one base `Problem`, and one schema per problem
 * type this document names, pinning its `type` URI and its `status`, so a reader sees exactly
 * which problems each answer can be.
 * @see https://www.rfc-editor.org/rfc/rfc9457#section-3
 */
export function problemSchemas(slugs: ReadonlySet<ProblemSlug>): Record<string, unknown> {
  const schemas: Record<string, unknown> = {
    Problem: {
      type: 'object',
      description: 'RFC 9457 problem details.',
      properties: {
        type: {
          type: 'string',
          format: 'uri-reference',
          description: 'A /problems/<slug> page explaining it.',
        },
        title: { type: 'string' },
        status: {
          type: 'integer',
          minimum: 400,
          maximum: 599,
          description: 'Equal to the response’s status.',
        },
        detail: { type: 'string' },
        instance: {
          type: 'string',
          format: 'uri-reference',
          description: 'The path of the request.',
        },
        errors: {
          type: 'array',
          description:
            'Where the problem is: a JSON Pointer into the body (RFC 6901), a query parameter or a header.',
          items: {
            type: 'object',
            properties: {
              pointer: { type: 'string' },
              parameter: { type: 'string' },
              header: { type: 'string' },
              detail: { type: 'string' },
            },
            required: ['detail'],
          },
        },
      },
      required: ['type', 'title', 'status', 'detail', 'instance'],
    },
  };
  for (const slug of [...slugs].sort()) {
    const problem = PROBLEM_TYPES[slug];
    schemas[`Problem-${slug}`] = {
      title: problem.title,
      description: `${problem.meaning} When: ${problem.when} (${problem.standard.cite})`,
      allOf: [
        { $ref: '#/components/schemas/Problem' },
        {
          type: 'object',
          properties: {
            type: { const: problemTypeUri(slug) },
            title: { const: problem.title },
            status: { const: problem.status },
          },
        },
      ],
    };
  }
  return schemas;
}
