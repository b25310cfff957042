import { toBuffer } from 'qrcode';

/**
 * The ticket's QR code as the PNG the confirmation shows inline (mail clients rarely render inline SVG).
 * One byte-mode segment: a ticket is base64url text, which QR's alphanumeric mode (upper case only) cannot
 * hold, so qrcode's search for the best mix of modes finds nothing better and costs most of the rendering.
 */
export function ticketQrPng(ticket: string): Promise<Buffer> {
  return toBuffer([{ data: Buffer.from(ticket), mode: 'byte' }], {
    type: 'png',
    errorCorrectionLevel: 'M',
    margin: 2,
    width: 240,
  });
}
