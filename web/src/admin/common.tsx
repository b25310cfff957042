import { useState, type ReactNode } from 'react';
import { ApiError } from '../api/client';
import { describeError } from '../api/errors';

/** Sentences for the codes of the programme's life cycle, reports and refunds (docs/api.md, Errors). */
const ADMIN_SENTENCES: Record<string, string> = {
  SHOWTIME_OVERLAP: 'The room is busy at that time: another showtime (with its cleaning break) overlaps it.',
  SHOWTIME_HAS_SALES:
    'Seats of this showtime were already held or sold, so its time, prices and currency can no longer change.',
  SHOWTIME_CANCELLED: 'This showtime is cancelled.',
  LAYOUT_LOCKED: 'Seats were sold for an upcoming showtime in this room, so its layout can no longer change.',
  RESOURCE_IN_USE: 'Upcoming showtimes still use it: cancel or move them first.',
  SEATS_UNAVAILABLE: 'Some of those seats are held or sold, so they cannot be blocked.',
  BOOKING_NOT_REFUNDABLE:
    'This booking cannot be refunded: it is not confirmed, or it was refunded in full already.',
  COMPANION_SEAT_ALONE: 'A companion seat goes with the wheelchair space next to it.',
  FORBIDDEN: 'These pages are for cinema managers only.',
};

/** Field names of the catalogue's validation answers, as the forms call them. */
const FIELD_NAMES: Record<string, string> = {
  title: 'Title',
  durationMinutes: 'Length',
  posterUrl: 'Poster address',
  releaseDate: 'Release date',
  startsAt: 'Start',
  prices: 'Prices',
  currency: 'Currency',
  rows: 'Layout',
  name: 'Name',
  amount: 'Amount',
  reason: 'Reason',
  from: 'From',
  to: 'To',
};

/** A route the server does not know: an API part being added to the platform, not there yet. */
export function isMissingRoute(error: unknown): boolean {
  return error instanceof ApiError && error.status === 404 && /^Cannot [A-Z]+ \//.test(error.message);
}

/** A failure of a manager's request as words: never JSON. */
export function describeAdminError(error: unknown): string {
  if (isMissingRoute(error))
    return 'This server does not offer that yet: the feature is not installed on it.';
  if (error instanceof ApiError) {
    if (error.code === 'VALIDATION_FAILED') {
      const fields = (error.details.fields as { field: string; message: string }[] | undefined) ?? [];
      if (fields.length > 0) {
        return fields
          .map(({ field, message }) => {
            const base = field.split('.')[0];
            const name = FIELD_NAMES[field] ?? FIELD_NAMES[base] ?? field;
            const reason = message.startsWith(field) ? message.slice(field.length).trim() : message;
            return `${name}: ${reason}.`;
          })
          .join(' ');
      }
      return error.message ? `${error.message.replace(/\.$/, '')}.` : describeError(error);
    }
    const sentence = ADMIN_SENTENCES[error.code];
    if (sentence) return sentence;
  }
  return describeError(error);
}

export function Problem({ error, retry }: { error: unknown; retry?: () => void }) {
  return (
    <div className="note error" role="alert">
      <p>{describeAdminError(error)}</p>
      {retry && (
        <button type="button" onClick={retry}>
          Try again
        </button>
      )}
    </div>
  );
}

/** An action's outcome for a form: busy while it runs, then its error or its success message. */
export function useAction(): {
  busy: boolean;
  error: unknown;
  done: ReactNode;
  run: (action: () => Promise<ReactNode>) => Promise<boolean>;
  clear: () => void;
} {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const [done, setDone] = useState<ReactNode>(null);
  const run = async (action: () => Promise<ReactNode>) => {
    setBusy(true);
    setError(undefined);
    setDone(null);
    try {
      setDone(await action());
      return true;
    } catch (e) {
      setError(e);
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, done, run, clear: () => (setError(undefined), setDone(null)) };
}

export type Action = ReturnType<typeof useAction>;

export function Outcome({ action }: { action: Action }) {
  if (action.error !== undefined) return <Problem error={action.error} />;
  if (action.done) {
    return (
      <div className="note success" role="status">
        <p>{action.done}</p>
      </div>
    );
  }
  return null;
}

/** Cents from what a manager types ("12", "12.5", "12,50"); NaN when it is not an amount. */
export function parseMoney(text: string): number {
  const clean = text.trim().replace(',', '.');
  if (!/^\d+(\.\d{1,2})?$/.test(clean)) return NaN;
  return Math.round(Number(clean) * 100);
}

export function moneyInput(cents: number | undefined): string {
  return cents === undefined ? '' : (cents / 100).toFixed(2);
}

/** YYYY-MM-DD of a local date. */
export function isoDay(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** The value of a datetime-local input for an ISO time, in the browser's time zone. */
export function localInput(iso: string): string {
  const d = new Date(iso);
  return `${isoDay(d)}T${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

/**
 * The end of a manager's form: what is wrong with the input before it is sent, the buttons, and the answer
 * of the request.
 */
export function FormEnd({
  action,
  submit,
  problem,
  disabled = false,
  onCancel,
}: {
  action: Action;
  submit: string;
  problem?: string;
  disabled?: boolean;
  onCancel?: () => void;
}) {
  return (
    <>
      {problem && (
        <p className="field-problem" role="alert">
          {problem}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="primary" disabled={action.busy || disabled}>
          {submit}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel}>
            Stop editing
          </button>
        )}
      </div>
      <Outcome action={action} />
    </>
  );
}

/**
 * Retire (DELETE) a film, theater or room, asked once more first; the answer goes to `action`'s Outcome
 * (a RESOURCE_IN_USE in words) and `onRetired` follows a success.
 */
export function RetireButton({
  name,
  action,
  retire,
  said = `${name} was retired.`,
  onRetired,
}: {
  name: string;
  action: Action;
  retire: () => Promise<void>;
  said?: string;
  onRetired: () => void;
}) {
  const [asking, setAsking] = useState(false);
  const confirm = async () => {
    const ok = await action.run(async () => (await retire(), said));
    setAsking(false);
    if (ok) onRetired();
  };
  if (!asking) {
    return (
      <button type="button" onClick={() => setAsking(true)} aria-label={`Retire ${name}`}>
        Retire
      </button>
    );
  }
  return (
    <>
      <button type="button" className="danger" onClick={() => void confirm()} disabled={action.busy}>
        Yes, retire {name}
      </button>
      <button type="button" onClick={() => setAsking(false)}>
        Keep it
      </button>
    </>
  );
}

/** The column headings of a table. */
export function TableHead({ columns }: { columns: string[] }) {
  return (
    <thead>
      <tr>
        {columns.map((c) => (
          <th key={c} scope="col">
            {c}
          </th>
        ))}
      </tr>
    </thead>
  );
}
