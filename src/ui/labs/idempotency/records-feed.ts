import { useEffect, useRef, useState } from 'react';
import { onEngineEvent } from '../../bridge/engine-events.ts';
import { send } from '../../shared/http.ts';

export interface KeyRecord {
  key: string;
  client: string;
  method: string;
  path: string;
  state: 'in_flight' | 'completed';
  fingerprint: string;
  status: number | null;
  started_at: string;
  expires_at: string | null;
}

/** A key as the lab shows it: its record, or the memory of one that expired. */
export interface KeyRow extends Omit<KeyRecord, 'state'> {
  state: KeyRecord['state'] | 'expired';
}

const MAX_ROWS = 12;

/**
 * The idempotency records (GET /__admin/idempotency), read again after each request and each
 * move of the clock. A key that was completed and is gone has expired: it stays in the list,
 * marked so, until the lab closes, which is the last state of its machine.
 */
export function useKeyRows(): KeyRow[] {
  const [rows, setRows] = useState<KeyRow[]>([]);
  const known = useRef(new Map<string, KeyRow>());

  useEffect(() => {
    let pending = false;
    const read = async () => {
      if (pending) return;
      pending = true;
      // Coalesce a burst of requests into one read.
      await new Promise((resolve) => setTimeout(resolve, 30));
      pending = false;
      const reply = await send<{ data: KeyRecord[] }>('/__admin/idempotency');
      const data = (reply.body as { data: KeyRecord[] } | null)?.data ?? [];
      const live = new Set<string>();
      for (const record of data) {
        const id = `${record.client} ${record.method} ${record.path} ${record.key}`;
        live.add(id);
        known.current.set(id, record);
      }
      for (const [id, row] of known.current)
        if (!live.has(id) && row.state === 'completed')
          known.current.set(id, { ...row, state: 'expired' });
        else if (!live.has(id) && row.state === 'in_flight') known.current.delete(id);
      setRows([...known.current.values()].slice(-MAX_ROWS).reverse());
    };
    void read();
    const offJournal = onEngineEvent('journal', () => void read());
    const offClock = onEngineEvent('clock', () => void read());
    const offReset = onEngineEvent('reset', () => {
      known.current.clear();
      void read();
    });
    return () => {
      offJournal();
      offClock();
      offReset();
    };
  }, []);
  return rows;
}
