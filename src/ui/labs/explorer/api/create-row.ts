import { useMutation } from '@tanstack/react-query';
import { sendOrThrow, type HttpResult } from '../../../shared/http.ts';
import { collectionPath, type CollectionName, type Row } from '../resources.ts';

/** POST /api/v1/{collection}: 201 with the new row and its Location. */
export function createRow(
  collection: CollectionName,
  body: Record<string, unknown>,
): Promise<HttpResult<Row>> {
  return sendOrThrow<Row>(collectionPath(collection), { method: 'POST', json: body });
}

export function useCreateRow(collection: CollectionName) {
  return useMutation({
    mutationFn: (body: Record<string, unknown>) => createRow(collection, body),
  });
}
