/**
 * Hand-made hostile files for the bad-input corpus: zips (with declared sizes that may lie),
 * OLE compound files (encrypted xlsx, legacy xls). Built from the format specifications
 * (PKWARE APPNOTE 6.3 §4.3; [MS-CFB] §2.2), not from kekao's reader.
 */
import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';
import { readCentralDirectory } from '../src/zipGuard.js';

export interface ZipInput {
  name: string;
  data: Buffer;
  /** Uncompressed size written in the headers (defaults to the true size). */
  declaredSize?: number;
}

export function makeZip(entries: ZipInput[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const packed = deflateRawSync(e.data);
    const size = e.declaredSize ?? e.data.length;
    const crc = crc32(e.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, packed);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length + packed.length;
  }
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(entries.length, 8);
  eocd.writeUInt16LE(entries.length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, eocd]);
}

/** The entries of a zip (used to repack a real xlsx with an extra entry). */
export function unzip(buf: Buffer): ZipInput[] {
  const view = new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  return readCentralDirectory(view).map((e) => {
    const h = e.localHeaderOffset;
    const start = h + 30 + buf.readUInt16LE(h + 26) + buf.readUInt16LE(h + 28);
    const raw = buf.subarray(start, start + e.compressedSize);
    return { name: e.name, data: e.method === 0 ? Buffer.from(raw) : inflateRawSync(raw) };
  });
}

/** A minimal OLE compound file ([MS-CFB]) whose directory holds the given stream names. */
export function makeCompoundFile(streamNames: string[]): Buffer {
  const SECTOR = 512;
  const header = Buffer.alloc(SECTOR, 0);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x003e, 24); // minor version
  header.writeUInt16LE(0x0003, 26); // major version 3
  header.writeUInt16LE(0xfffe, 28); // byte order
  header.writeUInt16LE(9, 30); // sector shift (512)
  header.writeUInt16LE(6, 32); // mini sector shift
  header.writeUInt32LE(1, 44); // FAT sectors
  header.writeUInt32LE(1, 48); // first directory sector
  header.writeUInt32LE(4096, 56); // mini stream cutoff
  header.writeUInt32LE(0xfffffffe, 60); // no mini FAT
  header.writeUInt32LE(0xfffffffe, 68); // no DIFAT sectors
  for (let i = 76; i < SECTOR; i += 4) header.writeUInt32LE(0xffffffff, i);
  header.writeUInt32LE(0, 76); // DIFAT[0]: the FAT is sector 0
  const fat = Buffer.alloc(SECTOR, 0xff);
  fat.writeUInt32LE(0xfffffffd, 0); // sector 0 = FAT
  fat.writeUInt32LE(0xfffffffe, 4); // sector 1 = directory, end of chain
  const dir = Buffer.alloc(SECTOR, 0);
  ['Root Entry', ...streamNames].slice(0, 4).forEach((name, i) => {
    const e = dir.subarray(i * 128, (i + 1) * 128);
    e.write(name, 0, 'utf16le');
    e.writeUInt16LE((name.length + 1) * 2, 64);
    e.writeUInt8(i === 0 ? 5 : 2, 66);
    e.writeUInt32LE(0xffffffff, 68);
    e.writeUInt32LE(i + 1 < Math.min(4, streamNames.length + 1) && i > 0 ? i + 1 : 0xffffffff, 72);
    e.writeUInt32LE(i === 0 && streamNames.length ? 1 : 0xffffffff, 76);
    e.writeUInt32LE(0xfffffffe, 116);
  });
  return Buffer.concat([header, fat, dir]);
}
