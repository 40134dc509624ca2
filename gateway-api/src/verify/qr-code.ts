import * as QRCode from 'qrcode';

/** The page link a QR code carries: `/verify` with the number and, for certificates, the content hash. */
export function verifyPageUrl(
  baseUrl: string,
  subject: { certificate: string; contentHash: string } | { license: string },
): string {
  const query =
    'certificate' in subject
      ? new URLSearchParams({ certificate: subject.certificate, hash: subject.contentHash })
      : new URLSearchParams({ license: subject.license });
  return `${baseUrl}/verify?${query.toString()}`;
}

export const QR_FORMATS = ['png', 'svg'] as const;
export type QrFormat = (typeof QR_FORMATS)[number];

export interface RenderedQr {
  readonly contentType: string;
  readonly body: Buffer;
}

/**
 * Error correction M (15 %): survives a smudged print while keeping the code small enough to scan
 * from a phone at arm's length; the quiet zone is the standard four modules.
 */
export async function renderQr(text: string, format: QrFormat): Promise<RenderedQr> {
  const options = { errorCorrectionLevel: 'M' as const, margin: 4 };
  if (format === 'svg') {
    const svg = await QRCode.toString(text, { ...options, type: 'svg' });
    return { contentType: 'image/svg+xml; charset=utf-8', body: Buffer.from(svg, 'utf8') };
  }
  const png = await QRCode.toBuffer(text, { ...options, type: 'png', scale: 8 });
  return { contentType: 'image/png', body: png };
}
