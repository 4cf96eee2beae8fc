import { inflateSync } from "node:zlib";

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const MAX_SIDE = 4000;

/**
 * Whether a drawn signature is a PNG the PDF writer can embed: the signature, an IHDR of sane size,
 * and image data that inflates. Checked before rendering, since a broken image fails inside
 * pdfkit's asynchronous decoder, where it cannot be refused cleanly.
 */
export function isUsablePng(png: Buffer): boolean {
  if (png.length < 33 || !png.subarray(0, 8).equals(SIGNATURE)) return false;
  let offset = 8;
  const idat: Buffer[] = [];
  let sawHeader = false;
  while (offset + 8 <= png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString("latin1", offset + 4, offset + 8);
    const data = png.subarray(offset + 8, offset + 8 + length);
    if (data.length !== length) return false;
    if (type === "IHDR") {
      const width = data.readUInt32BE(0), height = data.readUInt32BE(4);
      if (width < 1 || height < 1 || width > MAX_SIDE || height > MAX_SIDE) return false;
      sawHeader = true;
    }
    if (type === "IDAT") idat.push(data);
    if (type === "IEND") break;
    offset += 12 + length;
  }
  if (!sawHeader || idat.length === 0) return false;
  try {
    inflateSync(Buffer.concat(idat));
    return true;
  } catch {
    return false;
  }
}
