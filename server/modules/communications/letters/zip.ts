/**
 * A minimal ZIP writer (PKWARE APPNOTE 6.3: local headers, central directory, end record), enough for a print
 * batch: UTF-8 names, deflate when it saves space, store otherwise. No ZIP64, so it refuses archives past
 * the classic 4 GiB / 65,535-entry limits instead of writing a file unzip tools would misread.
 */
import { promisify } from "node:util";
import { crc32, deflateRaw } from "node:zlib";

// Asynchronous deflate: a batch of hundreds of letters must not block the server's event loop while it packs.
const deflateRawAsync = promisify(deflateRaw);

export type ZipEntry = { name: string; data: Uint8Array };

const STORE = 0;
const DEFLATE = 8;
/** General-purpose flag bit 11: the names are UTF-8. */
const UTF8_NAMES = 0x0800;
const VERSION = 20;
const MAX_32 = 0xffffffff;

/** MS-DOS date and time fields (2-second resolution, years from 1980), from the UTC parts of `at`. */
function dosDateTime(at: Date): { date: number; time: number } {
  const year = Math.min(Math.max(at.getUTCFullYear(), 1980), 2107);
  return {
    date: ((year - 1980) << 9) | ((at.getUTCMonth() + 1) << 5) | at.getUTCDate(),
    time: (at.getUTCHours() << 11) | (at.getUTCMinutes() << 5) | (at.getUTCSeconds() >> 1),
  };
}

export async function buildZip(entries: readonly ZipEntry[], modifiedAt: Date): Promise<Buffer> {
  if (entries.length > 0xffff) throw new Error("Too many files for a ZIP without ZIP64");
  const { date, time } = dosDateTime(modifiedAt);
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, "utf8");
    const deflated = await deflateRawAsync(entry.data);
    const method = deflated.length < entry.data.length ? DEFLATE : STORE;
    const body = method === DEFLATE ? deflated : Buffer.from(entry.data);
    if (entry.data.length > MAX_32 || offset > MAX_32) throw new Error("Print batch too large for a ZIP");
    const crc = crc32(entry.data);

    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(VERSION, 4);
    local.writeUInt16LE(UTF8_NAMES, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(entry.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    locals.push(local, name, body);

    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(VERSION, 4);
    header.writeUInt16LE(VERSION, 6);
    header.writeUInt16LE(UTF8_NAMES, 8);
    header.writeUInt16LE(method, 10);
    header.writeUInt16LE(time, 12);
    header.writeUInt16LE(date, 14);
    header.writeUInt32LE(crc, 16);
    header.writeUInt32LE(body.length, 20);
    header.writeUInt32LE(entry.data.length, 24);
    header.writeUInt16LE(name.length, 28);
    // Extra field, comment, disk number, internal and external attributes: none.
    header.writeUInt32LE(offset, 42);
    central.push(header, name);

    offset += local.length + name.length + body.length;
  }
  const directory = Buffer.concat(central);
  if (offset > MAX_32 || directory.length > MAX_32) throw new Error("Print batch too large for a ZIP");
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
