// Draws the toolbar/store icons (a teal rounded square with a check and a plus) into assets/*.png.
// Run once when the design changes; the PNGs are committed. No image library needed: PNG = zlib + CRC.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { crc32 } from './lib/crc32.mjs';

const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
};

function distToSegment(px, py, ax, ay, bx, by) {
  const dx = bx - ax, dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

// Shape in unit coordinates: returns [r,g,b,a] for a point.
function shade(x, y) {
  const r = 0.2, inset = 0.04;
  const cx = Math.min(Math.max(x, inset + r), 1 - inset - r), cy = Math.min(Math.max(y, inset + r), 1 - inset - r);
  if (Math.hypot(x - cx, y - cy) > r) return [0, 0, 0, 0];
  const w = 0.085;
  const check = Math.min(distToSegment(x, y, 0.22, 0.52, 0.4, 0.7), distToSegment(x, y, 0.4, 0.7, 0.66, 0.32));
  const plus = Math.min(distToSegment(x, y, 0.76, 0.56, 0.76, 0.82), distToSegment(x, y, 0.63, 0.69, 0.89, 0.69));
  if (check < w || plus < w * 0.7) return [255, 255, 255, 255];
  return [13, 110, 110, 255];
}

for (const size of [16, 32, 48, 128]) {
  const ss = 4;
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const acc = [0, 0, 0, 0];
      for (let sy = 0; sy < ss; sy++)
        for (let sx = 0; sx < ss; sx++) {
          const c = shade((x + (sx + 0.5) / ss) / size, (y + (sy + 0.5) / ss) / size);
          for (let i = 0; i < 3; i++) acc[i] += c[i] * c[3];
          acc[3] += c[3];
        }
      const o = y * (size * 4 + 1) + 1 + x * 4;
      const a = acc[3] / (ss * ss);
      for (let i = 0; i < 3; i++) raw[o + i] = acc[3] ? Math.round(acc[i] / acc[3]) : 0;
      raw[o + 3] = Math.round(a);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  const png = Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
  writeFileSync(new URL(`../assets/icon-${size}.png`, import.meta.url), png);
}
console.log('icons written to assets/');
