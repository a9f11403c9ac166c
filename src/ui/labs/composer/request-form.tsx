import { useState, type FormEvent } from 'react';
import { send } from '../../shared/http.ts';
import { useComposerStore } from './composer-store.ts';
import { HeadersEditor } from './headers-editor.tsx';
import { MethodPicker } from './method-picker.tsx';
import { bodyless, checkRequest } from './request-checks.ts';
import { virtualNow } from './virtual-time.ts';
import type { Outcome } from './response-view.tsx';

interface RequestFormProps {
  /** What the loaded preset will teach, shown above the form. */
  note: string | undefined;
  onOutcome(outcome: Outcome): void;
}

/** Method, path, headers and body; sent with `send`, so the request log shows it too. */
export function RequestForm({ note, onOutcome }: RequestFormProps) {
  const draft = useComposerStore((state) => state.draft);
  const setDraft = useComposerStore((state) => state.setDraft);
  const record = useComposerStore((state) => state.record);
  const [sending, setSending] = useState(false);
  const [jsonError, setJsonError] = useState<string | undefined>();
  const checked = checkRequest(draft.method, draft.path, draft.headers);
  const noBody = bodyless(draft.method);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!checked.ok) {
      const first = checked.methodError
        ? 'composer-method-custom'
        : checked.pathError
          ? 'composer-path'
          : 'composer-headers';
      document.getElementById(first)?.focus();
      return;
    }
    const request = { ...draft };
    setSending(true);
    try {
      const result = await send(request.path, {
        method: request.method,
        headers: checked.headers.headers,
        body: noBody || request.body === '' ? undefined : request.body,
        // The composer shows exactly what the API answers: never the page's cache.
        cache: 'no-store',
      });
      record({
        ...request,
        sentAt: virtualNow() ?? null,
        status: result.status,
        durationMs: result.durationMs,
      });
      onOutcome({ kind: 'response', method: request.method, path: request.path, result });
    } catch (error) {
      // fetch rejects only when no response can exist (a refused method or header, a network failure).
      const message = error instanceof Error ? error.message : String(error);
      record({ ...request, sentAt: virtualNow() ?? null, status: null, durationMs: 0 });
      onOutcome({ kind: 'failed', method: request.method, path: request.path, message });
    } finally {
      setSending(false);
    }
  }

  function formatBody() {
    try {
      setDraft({ body: JSON.stringify(JSON.parse(draft.body), null, 2) });
      setJsonError(undefined);
    } catch (error) {
      setJsonError(`Not valid JSON, left as it is: ${error instanceof Error ? error.message : ''}`);
    }
  }

  return (
    <form className="composer-form" noValidate onSubmit={(event) => void submit(event)}>
      {note && (
        <p className="composer-note" role="status">
          <strong>Expect:</strong> {note}
        </p>
      )}
      <div className="composer-line">
        <MethodPicker
          method={draft.method}
          error={checked.methodError}
          onChange={(method) => setDraft({ method })}
        />
        <div className="composer-path">
          <label htmlFor="composer-path">Path</label>
          <input
            id="composer-path"
            value={draft.path}
            spellCheck={false}
            autoComplete="off"
            aria-invalid={checked.pathError ? true : undefined}
            aria-describedby={checked.pathError ? 'composer-path-error' : undefined}
            onChange={(event) => setDraft({ path: event.target.value })}
          />
          {checked.pathError && (
            <span id="composer-path-error" className="field-error">
              {checked.pathError}
            </span>
          )}
        </div>
        <button type="submit" className="primary composer-send" disabled={sending}>
          {sending ? 'Sending…' : 'Send'}
        </button>
      </div>
      <div className="composer-columns">
        <HeadersEditor
          value={draft.headers}
          parsed={checked.headers}
          onChange={(headers) => setDraft({ headers })}
        />
        <div className="composer-body">
          <label htmlFor="composer-body">Body</label>
          <textarea
            id="composer-body"
            rows={4}
            spellCheck={false}
            value={draft.body}
            aria-describedby="composer-body-hint"
            onChange={(event) => setDraft({ body: event.target.value })}
          />
          <span id="composer-body-hint" className="composer-hint">
            {noBody
              ? `${draft.method.toUpperCase()} carries no body: fetch will not send this text.`
              : 'Sent as written. With no Content-Type line, fetch labels text as text/plain;charset=UTF-8.'}
          </span>
          <div>
            <button type="button" onClick={formatBody} disabled={draft.body.trim() === ''}>
              Format JSON
            </button>
            {jsonError && (
              <span className="inline-error" role="alert">
                {' '}
                {jsonError}
              </span>
            )}
          </div>
        </div>
      </div>
    </form>
  );
}
