import type { ReactNode } from 'react';
import { useLogStore } from '../../stores/log-store.ts';
import { EntryDetail } from './entry-detail.tsx';
import { LogList } from './log-list.tsx';
import { LogToolbar } from './log-toolbar.tsx';
import './request-log.css';

/**
 * The request log: every request the API answered, live from the journal's events, newest
 * first, with filters, pause, and the selected request's details beside the list. `controls`
 * (the dock's layout buttons) end the toolbar's one row.
 */
export default function RequestLogPanel({ controls }: { controls?: ReactNode }) {
  const reading = useLogStore((state) => state.selected !== undefined);
  return (
    <div className="request-log">
      <LogToolbar>{controls}</LogToolbar>
      <div className="request-log-body" data-detail={reading}>
        <LogList />
        <EntryDetail />
      </div>
    </div>
  );
}
