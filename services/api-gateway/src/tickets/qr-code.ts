import { toBuffer, toString } from 'qrcode';

// Medium error correction survives a scuffed phone screen or print, and keeps a ~250-character ticket at a
// size every phone camera reads.
const OPTIONS = { errorCorrectionLevel: 'M', margin: 2 } as const;

export function qrSvg(text: string): Promise<string> {
  return toString(text, { ...OPTIONS, type: 'svg' });
}

export function qrPng(text: string): Promise<Buffer> {
  return toBuffer(text, { ...OPTIONS, type: 'png', width: 360 });
}
