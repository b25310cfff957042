import { describe, expect, it } from 'vitest';
import {
  bookingIdForHold,
  generateTicketCode,
  TICKET_CODE_ALPHABET,
  TICKET_CODE_LENGTH,
} from './ticket-code';

describe('ticket codes', () => {
  it('are 8 characters of the unambiguous alphabet', () => {
    for (let i = 0; i < 200; i++) {
      const code = generateTicketCode();
      expect(code).toHaveLength(TICKET_CODE_LENGTH);
      for (const ch of code) expect(TICKET_CODE_ALPHABET).toContain(ch);
    }
  });
});

describe('bookingIdForHold', () => {
  it('is a stable uuid per hold and differs between holds', () => {
    const a = bookingIdForHold('hold-a');
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(bookingIdForHold('hold-a')).toBe(a);
    expect(bookingIdForHold('hold-b')).not.toBe(a);
  });
});
