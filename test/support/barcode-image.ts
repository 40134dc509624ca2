import {
  BarcodeFormat,
  BinaryBitmap,
  DecodeHintType,
  HybridBinarizer,
  MultiFormatReader,
  RGBLuminanceSource,
} from '@zxing/library';
import { PNG } from 'pngjs';

/**
 * The text of the Code 128 barcode in a PNG screenshot, read by ZXing from the pixels alone, as a
 * handheld scanner at a station would read the printed label.
 */
export function decodeCode128(png: Buffer): string {
  const image = PNG.sync.read(png);
  const luminance = new Uint8ClampedArray(image.width * image.height);
  for (let pixel = 0; pixel < luminance.length; pixel += 1) {
    const at = pixel * 4;
    // ITU-R BT.601 weights, the grey a scanner's sensor sees
    luminance[pixel] = Math.round(
      0.299 * (image.data[at] ?? 255) +
        0.587 * (image.data[at + 1] ?? 255) +
        0.114 * (image.data[at + 2] ?? 255),
    );
  }
  const reader = new MultiFormatReader();
  const hints = new Map<DecodeHintType, unknown>([
    [DecodeHintType.POSSIBLE_FORMATS, [BarcodeFormat.CODE_128]],
    [DecodeHintType.TRY_HARDER, true],
  ]);
  const bitmap = new BinaryBitmap(
    new HybridBinarizer(new RGBLuminanceSource(luminance, image.width, image.height)),
  );
  return reader.decode(bitmap, hints).getText();
}
