import { useMutation } from '@tanstack/react-query';
import { sendOrThrow, type HttpResult } from '../../../shared/http.ts';
import { rowPath, type CollectionName, type Row } from '../resources.ts';

export type UpdateMethod = 'PUT' | 'PATCH';

export interface UpdateRequest {
  id: string;
  method: UpdateMethod;
  body: Record<string, unknown>;
}

/**
 * PUT (full replacement, application/json) or PATCH (JSON Merge Patch,
 * application/merge-patch+json: `send` picks the Content-Type from the method).
 * @see https://www.rfc-editor.org/rfc/rfc7396
 */
export function updateRow(
  collection: CollectionName,
  { id, method, body }: UpdateRequest,
): Promise<HttpResult<Row>> {
  return sendOrThrow<Row>(rowPath(collection, id), { method, json: body });
}

export function useUpdateRow(collection: CollectionName) {
  return useMutation({
    mutationFn: (request: UpdateRequest) => updateRow(collection, request),
  });
}
