import { toBuffer, toString } from 'qrcode';

// Medium error correction survives a scuffed phone screen or print, and keeps a ~250-character ticket at a
// size every phone camera reads.
const OPTIONS = { errorCorrectionLevel: 'M', margin: 2 } as const;

// One byte-mode segment: a ticket is base64url text, which alphanumeric mode (upper case only) cannot hold,
// so qrcode's search for the best mix of modes finds nothing better and costs most of the rendering.
const segments = (text: string) => [{ data: Buffer.from(text), mode: 'byte' as const }];

export function qrSvg(text: string): Promise<string> {
  return toString(segments(text), { ...OPTIONS, type: 'svg' });
}

export function qrPng(text: string): Promise<Buffer> {
  return toBuffer(segments(text), { ...OPTIONS, type: 'png', width: 360 });
}
