// Draws the PAB Watch icons (assets/icon-*.png): a balance line that dips below zero, on a blue tile.
// Run once after changing the drawing: node scripts/make-icons.js
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const CRC_TABLE = new Uint32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function png(size, pixel) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel(x, y);
      const o = y * (size * 4 + 1) + 1 + x * 4;
      raw[o] = r;
      raw[o + 1] = g;
      raw[o + 2] = b;
      raw[o + 3] = a;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

// Balance over the week, in tile units (0..1, y up); the last point is below the zero line.
const POINTS = [
  [0.12, 0.7],
  [0.32, 0.52],
  [0.5, 0.78],
  [0.7, 0.48],
  [0.88, 0.2],
];
const ZERO = 0.34;

function distanceToLine(px, py) {
  let best = Infinity;
  for (let i = 0; i < POINTS.length - 1; i++) {
    const [ax, ay] = POINTS[i];
    const [bx, by] = POINTS[i + 1];
    const dx = bx - ax;
    const dy = by - ay;
    const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
    best = Math.min(best, Math.hypot(px - (ax + t * dx), py - (ay + t * dy)));
  }
  return best;
}

function icon(size) {
  const radius = 0.18;
  const stroke = Math.max(0.06, 1.6 / size);
  return png(size, (x, y) => {
    const u = (x + 0.5) / size;
    const v = 1 - (y + 0.5) / size;
    const cx = Math.min(Math.max(u, radius), 1 - radius);
    const cy = Math.min(Math.max(v, radius), 1 - radius);
    if (Math.hypot(u - cx, v - cy) > radius) return [0, 0, 0, 0];
    if (distanceToLine(u, v) < stroke / 2) return v < ZERO ? [255, 120, 110, 255] : [255, 255, 255, 255];
    if (Math.abs(v - ZERO) < Math.max(0.015, 0.6 / size)) return [160, 200, 235, 255];
    return [16, 110, 190, 255];
  });
}

for (const size of [16, 32, 64, 80, 128]) {
  fs.writeFileSync(path.join(__dirname, "..", "assets", `icon-${size}.png`), icon(size));
}
