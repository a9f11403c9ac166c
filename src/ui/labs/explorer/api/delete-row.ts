import { useMutation } from '@tanstack/react-query';
import { sendOrThrow, type HttpResult } from '../../../shared/http.ts';
import { rowPath, type CollectionName } from '../resources.ts';

/** DELETE /api/v1/{collection}/{id}: 204, and the row is gone. */
export function deleteRow(collection: CollectionName, id: string): Promise<HttpResult> {
  return sendOrThrow(rowPath(collection, id), { method: 'DELETE' });
}

export function useDeleteRow(collection: CollectionName) {
  return useMutation({
    mutationFn: (id: string) => deleteRow(collection, id),
  });
}
