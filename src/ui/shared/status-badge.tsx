import { reasonPhrase } from './http.ts';

interface StatusBadgeProps {
  status: number;
  statusText?: string;
  /** Only the number (still text, never colour alone), for tight lists. */
  compact?: boolean;
}

/** A status as colour and text together: "422 Unprocessable Content". */
export function StatusBadge({ status, statusText, compact = false }: StatusBadgeProps) {
  const phrase = compact ? '' : statusText || reasonPhrase(status);
  return (
    <span className="status-with-phrase">
      <span className={`status-badge status-${Math.floor(status / 100)}xx`}>{status}</span>
      {phrase && <span className="status-phrase"> {phrase}</span>}
    </span>
  );
}
