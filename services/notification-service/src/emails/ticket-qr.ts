import { toBuffer } from 'qrcode';

/** The ticket's QR code as the PNG the confirmation shows inline (mail clients rarely render inline SVG). */
export function ticketQrPng(ticket: string): Promise<Buffer> {
  return toBuffer(ticket, { type: 'png', errorCorrectionLevel: 'M', margin: 2, width: 240 });
}
