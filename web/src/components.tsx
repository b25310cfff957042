import { useEffect, useRef, useState, useSyncExternalStore, type ReactNode } from 'react';
import { currentUser, onSessionChange } from './api/client';
import { describeError } from './api/errors';
import type { User } from './api/types';
import { clock } from './format';

export function useUser(): User | null {
  return useSyncExternalStore(onSessionChange, currentUser);
}

export type Loaded<T> =
  { state: 'loading' } | { state: 'error'; error: unknown } | { state: 'ready'; value: T };

/**
 * Loads once per change of `deps`; a newer load wins over an older one still in flight. The reload it returns
 * keeps what was loaded on the page until the new value comes, so the forms and messages on it stay.
 */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]): [Loaded<T>, () => void] {
  const [result, setResult] = useState<Loaded<T>>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const loadedAttempt = useRef(attempt);
  useEffect(() => {
    let current = true;
    const reload = loadedAttempt.current !== attempt;
    loadedAttempt.current = attempt;
    setResult((r) => (reload && r.state === 'ready' ? r : { state: 'loading' }));
    load().then(
      (value) => current && setResult({ state: 'ready', value }),
      (error: unknown) => current && setResult({ state: 'error', error }),
    );
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, attempt]);
  return [result, () => setAttempt((n) => n + 1)];
}

export function Loading({ what }: { what: string }) {
  return (
    <p className="loading" role="status">
      Loading {what}…
    </p>
  );
}

export function ErrorNote({ error, retry }: { error: unknown; retry?: () => void }) {
  return (
    <div className="note error" role="alert">
      <p>{describeError(error)}</p>
      {retry && (
        <button type="button" onClick={retry}>
          Try again
        </button>
      )}
    </div>
  );
}

export function Note({ kind, children }: { kind: 'error' | 'info' | 'success'; children: ReactNode }) {
  return (
    <div className={`note ${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}

/** Seconds left until `until`, ticking once a second; calls `onEnd` once when it reaches zero. */
export function useSecondsLeft(until: string | undefined, onEnd?: () => void): number {
  const end = until ? Date.parse(until) : NaN;
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (Number.isNaN(end)) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [end]);
  const left = Number.isNaN(end) ? 0 : Math.max(0, (end - now) / 1000);
  const ended = !Number.isNaN(end) && left <= 0;
  useEffect(() => {
    if (ended) onEnd?.();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ended]);
  return left;
}

export function Countdown({ until, label, onEnd }: { until: string; label: string; onEnd?: () => void }) {
  const left = useSecondsLeft(until, onEnd);
  return (
    <p className={`countdown${left < 60 ? ' urgent' : ''}`}>
      {label} <span role="timer">{clock(left)}</span>
    </p>
  );
}

const POSTER_TONES = 6;

/** A film's poster, or a titled card in one of a few tones when it has none or it does not load. */
export function Poster({ title, url }: { title: string; url: string | null }) {
  const [failed, setFailed] = useState(false);
  if (url && !failed) {
    return <img className="poster" src={url} alt="" loading="lazy" onError={() => setFailed(true)} />;
  }
  let hash = 0;
  for (const c of title) hash = (hash * 31 + c.charCodeAt(0)) >>> 0;
  return (
    <div className={`poster placeholder tone-${hash % POSTER_TONES}`} aria-hidden="true">
      <span>{title}</span>
    </div>
  );
}
