/**
 * Makes a zip file's entry dates fixed, in place: exceljs (through archiver) stamps every entry with
 * the current time, which breaks byte-identical output. Patches the DOS time/date of each central
 * directory record and its local header, and any extended-timestamp (0x5455) extra fields.
 */
import { closeSync, fstatSync, openSync, readSync, writeSync } from 'node:fs';

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function dosDateTime(d: Date): { date: number; time: number } {
  const date = ((d.getUTCFullYear() - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate();
  const time = (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | Math.floor(d.getUTCSeconds() / 2);
  return { date, time };
}

function patchExtendedTimestamps(buf: Buffer, start: number, length: number, unix: number): void {
  let i = start;
  while (i + 4 <= start + length) {
    const id = buf.readUInt16LE(i);
    const size = buf.readUInt16LE(i + 2);
    if (id === 0x5455 && size >= 5) {
      for (let t = i + 5; t + 4 <= i + 4 + size; t += 4) buf.writeUInt32LE(unix, t);
    }
    i += 4 + size;
  }
}

export function fixZipTimestamps(path: string, when: Date): number {
  const { date, time } = dosDateTime(when);
  const unix = Math.floor(when.getTime() / 1000);
  const fd = openSync(path, 'r+');
  try {
    const size = fstatSync(fd).size;
    const tailLen = Math.min(size, 65557);
    const tail = Buffer.alloc(tailLen);
    readSync(fd, tail, 0, tailLen, size - tailLen);
    let e = -1;
    for (let i = tailLen - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === EOCD) {
        e = i;
        break;
      }
    }
    if (e < 0) throw new Error(`${path}: not a zip file (no end of central directory)`);
    const entries = tail.readUInt16LE(e + 10);
    const cdSize = tail.readUInt32LE(e + 12);
    const cdOffset = tail.readUInt32LE(e + 16);
    const cd = Buffer.alloc(cdSize);
    readSync(fd, cd, 0, cdSize, cdOffset);
    let o = 0;
    const header = Buffer.alloc(30);
    for (let n = 0; n < entries; n++) {
      if (cd.readUInt32LE(o) !== CENTRAL) throw new Error(`${path}: bad central directory record ${n}`);
      cd.writeUInt16LE(time, o + 12);
      cd.writeUInt16LE(date, o + 14);
      const nameLen = cd.readUInt16LE(o + 28);
      const extraLen = cd.readUInt16LE(o + 30);
      const commentLen = cd.readUInt16LE(o + 32);
      const local = cd.readUInt32LE(o + 42);
      patchExtendedTimestamps(cd, o + 46 + nameLen, extraLen, unix);
      readSync(fd, header, 0, 30, local);
      if (header.readUInt32LE(0) !== LOCAL) throw new Error(`${path}: bad local header for entry ${n}`);
      header.writeUInt16LE(time, 10);
      header.writeUInt16LE(date, 12);
      writeSync(fd, header, 0, 30, local);
      const lName = header.readUInt16LE(26);
      const lExtra = header.readUInt16LE(28);
      if (lExtra > 0) {
        const extra = Buffer.alloc(lExtra);
        readSync(fd, extra, 0, lExtra, local + 30 + lName);
        patchExtendedTimestamps(extra, 0, lExtra, unix);
        writeSync(fd, extra, 0, lExtra, local + 30 + lName);
      }
      o += 46 + nameLen + extraLen + commentLen;
    }
    writeSync(fd, cd, 0, cdSize, cdOffset);
    return entries;
  } finally {
    closeSync(fd);
  }
}
