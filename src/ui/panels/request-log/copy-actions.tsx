import { useState } from 'react';
import type { JournalEntry } from '../../../api/middleware/journal/journal-entry.ts';
import { toCurl } from './to-curl.ts';
import { toFetch } from './to-fetch.ts';

interface Copied {
  message: string;
  /** Shown when the clipboard refused, so the text can still be copied by hand. */
  fallback?: string;
}

/** Copy as curl / Copy as fetch, with a spoken confirmation. Keyed by entry by the caller. */
export function CopyActions({ entry }: { entry: JournalEntry }) {
  const [copied, setCopied] = useState<Copied>({ message: '' });

  const copy = async (what: string, text: string) => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied({ message: `Copied as ${what}.` });
    } catch {
      // No clipboard (insecure origin, denied permission): show the text instead.
      setCopied({
        message: `The clipboard is not available: copy the ${what} below.`,
        fallback: text,
      });
    }
  };

  return (
    <div className="log-copy">
      <div className="log-copy-buttons">
        <button type="button" onClick={() => void copy('curl', toCurl(entry, location.origin))}>
          Copy as curl
        </button>
        <button type="button" onClick={() => void copy('fetch', toFetch(entry))}>
          Copy as fetch
        </button>
        <span role="status" className="log-copy-status">
          {copied.message}
        </span>
      </div>
      {copied.fallback !== undefined && (
        <pre className="code-block" tabIndex={0} aria-label="Text to copy">
          {copied.fallback}
        </pre>
      )}
    </div>
  );
}
