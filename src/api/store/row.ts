/** Every stored resource: its own fields plus the server-managed id and timestamps. */
export interface Row {
  id: string;
  created_at: string;
  updated_at: string;
  [field: string]: unknown;
}
