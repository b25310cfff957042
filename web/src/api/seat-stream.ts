// The live seat map (docs/api.md, Live seat map): a snapshot, then numbered change batches. A gap in the
// numbering means a batch was missed: reconnect for a fresh snapshot rather than show a wrong map.
import type { SeatChanges, SeatStatusBody } from './types';

export interface SeatStreamHandlers {
  snapshot(body: SeatStatusBody): void;
  changes(batch: SeatChanges): void;
  /** `true` while events flow, `false` while the browser reconnects. */
  live(connected: boolean): void;
}

export function openSeatStream(showtimeId: string, handlers: SeatStreamHandlers): () => void {
  let source: EventSource | undefined;
  let version = -1;
  let closed = false;

  const connect = () => {
    source?.close();
    version = -1;
    source = new EventSource(`/seats/stream/${encodeURIComponent(showtimeId)}`);
    source.addEventListener('open', () => handlers.live(true));
    source.addEventListener('error', () => {
      if (!closed) handlers.live(false);
    });
    source.addEventListener('snapshot', (event) => {
      const body = JSON.parse((event as MessageEvent<string>).data) as SeatStatusBody;
      version = body.version;
      handlers.live(true);
      handlers.snapshot(body);
    });
    source.addEventListener('seats', (event) => {
      const batch = JSON.parse((event as MessageEvent<string>).data) as SeatChanges;
      if (version < 0 || batch.version <= version) return;
      if (batch.version !== version + 1) {
        connect();
        return;
      }
      version = batch.version;
      handlers.changes(batch);
    });
  };
  connect();
  return () => {
    closed = true;
    source?.close();
  };
}
