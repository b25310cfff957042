/** One Server-Sent Events frame. */
export function sseFrame(event: string, data: unknown): string {
  return sseJsonFrame(event, JSON.stringify(data));
}

/** A frame whose data is already JSON (one line). */
export function sseJsonFrame(event: string, json: string): string {
  return `event: ${event}\ndata: ${json}\n\n`;
}
