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
 * The events of a text/event-stream body as they arrive (frames end at a blank line, LF or CRLF). A frame
 * without data lines yields no event; comment lines (`:`) go to `onComment`. Ends with the stream; throws
 * what reading it throws (an abort).
 */
export async function* readSse(
  body: ReadableStream<Uint8Array>,
  onComment: (line: string) => void = () => undefined,
): AsyncGenerator<SseFrame> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += decoder.decode(value, { stream: true });
    let idx: number;
    while ((idx = buffer.search(/\r?\n\r?\n/)) >= 0) {
      const frame = buffer.slice(0, idx);
      buffer = buffer.slice(idx).replace(/^\r?\n\r?\n/, '');
      let event = 'message';
      const data: string[] = [];
      for (const line of frame.split(/\r?\n/)) {
        if (line.startsWith(':')) onComment(line);
        else if (line.startsWith('event:')) event = line.slice(6).trim();
        else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
      }
      if (data.length > 0) yield { event, data: data.join('\n') };
    }
  }
}
