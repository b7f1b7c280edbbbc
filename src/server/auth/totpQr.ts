import QRCode from 'qrcode';

/**
 * The set-up address (otpauth://…) as a QR code, drawn here as SVG and put inline in the page:
 * the secret never goes to a third-party image service, and the page needs no script or image
 * request. Black on white with a quiet zone of 4 modules, as scanners expect, whatever the
 * page's colours; the size comes from the page (site.scss .sg-qr).
 */
export async function totpQrSvg(uri: string): Promise<string> {
  const svg = await QRCode.toString(uri, { type: 'svg', margin: 4, errorCorrectionLevel: 'M' });
  // The picture is named by the element around it; the SVG itself says nothing to a reader.
  return svg.replace('<svg ', '<svg aria-hidden="true" focusable="false" ');
}
