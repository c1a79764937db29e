/** 2000-01-01, in the date format of zip headers (years since 1980, month, day). */
const FIXED_DOS_DATE = ((2000 - 1980) << 9) | (1 << 5) | 1;

/**
 * The same zip with every entry's modification time set to one fixed moment (2000-01-01 00:00),
 * in the central directory and in each entry's local header. `docx` stamps the time of packing;
 * a report must be the same bytes for the same data. Only those fields change: no entry is
 * inflated, moved or compressed again, which costs a fraction of unzipping and zipping again.
 * Refuses anything but the plain single-disk archive `docx` writes.
 */
export function withFixedZipDates(zip: Uint8Array): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  const fail = (what: string) => new Error(`withFixedZipDates: ${what}`);
  // The end-of-central-directory record: 22 bytes, then a comment of at most 65,535.
  let end = -1;
  for (let i = out.byteLength - 22; i >= 0 && i >= out.byteLength - 22 - 65_535; i -= 1) {
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw fail('not a zip file');
  const count = view.getUint16(end + 10, true);
  let entry = view.getUint32(end + 16, true);
  for (let n = 0; n < count; n += 1) {
    if (entry + 46 > end || view.getUint32(entry, true) !== 0x02014b50) throw fail('a damaged central directory');
    const local = view.getUint32(entry + 42, true);
    if (local + 30 > entry || view.getUint32(local, true) !== 0x04034b50) throw fail('a damaged entry header');
    for (const at of [entry + 12, local + 10]) {
      view.setUint16(at, 0, true);
      view.setUint16(at + 2, FIXED_DOS_DATE, true);
    }
    entry +=
      46 + view.getUint16(entry + 28, true) + view.getUint16(entry + 30, true) + view.getUint16(entry + 32, true);
  }
  return out;
}
