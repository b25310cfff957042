/** Small pieces of the public API's wire format that several e2e suites speak (no side effects, no imports). */

/** A card of the payment simulator (docs/api.md): its number decides the outcome; it expires in two years. */
export function card(number: string): { number: string; expMonth: number; expYear: number; cvc: string } {
  return { number, expMonth: 12, expYear: new Date().getUTCFullYear() + 2, cvc: '123' };
}

/** One event of a text/event-stream: its name and its data lines joined (not parsed). */
export interface SseFrame {
  event: string;
  data: string;
}

/**
 * Takes the complete frames off the front of a text/event-stream buffer (frames end at a blank line, LF or
 * CRLF). A frame without data lines yields no event; its comment lines (`:`) are listed apart. `rest` is
 * the unfinished tail to keep for the next chunk.
 */
export function takeSseFrames(buffer: string): { events: SseFrame[]; comments: string[]; rest: string } {
  const events: SseFrame[] = [];
  const comments: string[] = [];
  let rest = buffer;
  let idx: number;
  while ((idx = rest.search(/\r?\n\r?\n/)) >= 0) {
    const frame = rest.slice(0, idx);
    rest = rest.slice(idx).replace(/^\r?\n\r?\n/, '');
    let event = 'message';
    const data: string[] = [];
    for (const line of frame.split(/\r?\n/)) {
      if (line.startsWith(':')) comments.push(line);
      else if (line.startsWith('event:')) event = line.slice(6).trim();
      else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
    }
    if (data.length > 0) events.push({ event, data: data.join('\n') });
  }
  return { events, comments, rest };
}
