import QRCode from 'qrcode';

/**
 * `text` as a QR code in SVG: error correction level M (what EPC069-12 asks of a transfer
 * code), the text's UTF-8 bytes, the 4-module quiet zone scanners need. Black on white, one
 * user unit per module; the size is up to whoever shows it.
 */
export async function qrSvg(text: string): Promise<string> {
  return await QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 4 });
}
