import { createHash, randomInt } from 'node:crypto';

/** No 0/O, 1/I/L: easy to read aloud and to type at the box office. */
export const TICKET_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const TICKET_CODE_LENGTH = 8;

export function generateTicketCode(): string {
  let code = '';
  for (let i = 0; i < TICKET_CODE_LENGTH; i++)
    code += TICKET_CODE_ALPHABET[randomInt(TICKET_CODE_ALPHABET.length)];
  return code;
}

/**
 * The booking id of a hold, derived from the hold id: a retried or concurrent CreateBooking for the same
 * hold claims the seats under the same booking id, which seat-service's ClaimHold treats idempotently.
 */
export function bookingIdForHold(holdId: string): string {
  const hex = createHash('sha256').update(`cinema-booking:${holdId}`).digest('hex');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
