import { EntryDetail } from './entry-detail.tsx';
import { LogList } from './log-list.tsx';
import { LogToolbar } from './log-toolbar.tsx';
import './request-log.css';

/**
 * The request log: every request the API answered, live from the journal's events, newest
 * first, with filters, pause, and the selected request's details beside the list.
 */
export default function RequestLogPanel() {
  return (
    <div className="request-log">
      <LogToolbar />
      <div className="request-log-body">
        <LogList />
        <EntryDetail />
      </div>
    </div>
  );
}
