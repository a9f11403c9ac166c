/** Where the resources are served (shared API.md §2): the one place the version prefix is written. */
export const API_BASE = '/api/v1';

/** `/api/v1/users`. */
export const collectionPath = (resource: string) => `${API_BASE}/${resource}`;

/** `/api/v1/users/usr_…`, the id percent-encoded. */
export const itemPath = (resource: string, id: string) =>
  `${API_BASE}/${resource}/${encodeURIComponent(id)}`;
