import * as zlib from "zlib";

export interface RawEntry {
  name: string;
  /** Raw deflate data (method 8) or stored bytes (method 0). */
  data: Uint8Array;
  method: 0 | 8;
  /** The unpacked size written in the headers: the truth, or a lie. */
  declaredSize: number;
}

/** A zip package written byte by byte, so a test can state any sizes it likes. */
export function rawZip(entries: RawEntry[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, "utf8");
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(e.method, 8);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.declaredSize >>> 0, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(e.method, 10);
    central.writeUInt32LE(e.data.length, 20);
    central.writeUInt32LE(e.declaredSize >>> 0, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, Buffer.from(e.data));
    centrals.push(central, name);
    offset += 30 + name.length + e.data.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, dir, end]));
}

/** Raw deflate data that unpacks to `megabytes` MB of zeros, about 1 KB per MB, built without ever holding the zeros. */
export function zeroDeflate(megabytes: number): Uint8Array {
  const oneMb = zlib.deflateRawSync(Buffer.alloc(1 << 20), {
    level: 9,
    finishFlush: zlib.constants.Z_FULL_FLUSH,
  });
  return new Uint8Array(
    Buffer.concat([...new Array<Buffer>(megabytes).fill(oneMb), Buffer.from([0x03, 0x00])])
  );
}

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>';
const WORKBOOK =
  '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets/></workbook>';

function stored(name: string, text: string): RawEntry {
  const data = new Uint8Array(Buffer.from(text, "utf8"));
  return { name, data, method: 0, declaredSize: data.length };
}

/** A workbook-shaped package with one part that unpacks to `megabytes` MB, declaring `declaredSize` bytes. */
export function zipBomb(megabytes: number, declaredSize = megabytes * 1024 * 1024): Uint8Array {
  return rawZip([
    stored("[Content_Types].xml", CONTENT_TYPES),
    stored("xl/workbook.xml", WORKBOOK),
    { name: "xl/worksheets/sheet1.xml", data: zeroDeflate(megabytes), method: 8, declaredSize },
  ]);
}
