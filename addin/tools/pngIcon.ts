import { crc32, deflateSync } from 'node:zlib';

/**
 * A tiny PNG encoder (RGBA, 8 bit, filter 0) over node:zlib, for the add-in icons: the build
 * draws them instead of downloading or committing binaries. PNG layout per RFC 2083 / ISO 15948:
 * signature, IHDR, IDAT (zlib stream of filtered scanlines), IEND; every chunk CRC-32 protected.
 */

function chunk(type: string, data: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  Buffer.from(data).copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0; // filter: none
    Buffer.from(rgba.buffer, rgba.byteOffset + y * width * 4, width * 4).copy(raw, y * (width * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

/**
 * The kekao icon: a rounded green square with a white check mark and a rising bar (a
 * "reliable" tick over a chart). `outline` draws the white-on-transparent variant the unified
 * manifest asks for (32×32 outline icon).
 */
export function drawKekaoIcon(size: number, outline = false): Buffer {
  const px = new Uint8Array(size * size * 4);
  const green = [0x10, 0x7c, 0x41];
  const radius = size * 0.18;
  const inRounded = (x: number, y: number): boolean => {
    const cx = Math.min(Math.max(x, radius), size - radius);
    const cy = Math.min(Math.max(y, radius), size - radius);
    return (x - cx) ** 2 + (y - cy) ** 2 <= radius * radius;
  };
  // Check mark: two thick segments (distance of the pixel centre to each segment).
  const thickness = Math.max(1.2, size * 0.09);
  const segs: Array<[number, number, number, number]> = [
    [0.22, 0.52, 0.42, 0.72],
    [0.42, 0.72, 0.8, 0.3],
  ].map(([a, b, c, d]) => [a * size, b * size, c * size, d * size]);
  const distToSeg = (x: number, y: number, [x1, y1, x2, y2]: [number, number, number, number]): number => {
    const dx = x2 - x1;
    const dy = y2 - y1;
    const t = Math.max(0, Math.min(1, ((x - x1) * dx + (y - y1) * dy) / (dx * dx + dy * dy)));
    return Math.hypot(x - (x1 + t * dx), y - (y1 + t * dy));
  };
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const cx = x + 0.5;
      const cy = y + 0.5;
      const i = (y * size + x) * 4;
      const onTick = segs.some((s) => distToSeg(cx, cy, s) <= thickness);
      if (outline) {
        // Outline: the rim of the rounded square (inside, but within 1.5 px of its edge) and the tick.
        const deepInside = [[-1.5, 0], [1.5, 0], [0, -1.5], [0, 1.5]].every(([dx, dy]) => inRounded(cx + dx, cy + dy));
        const edge = inRounded(cx, cy) && !deepInside;
        if (onTick || edge) px.set([255, 255, 255, 255], i);
        continue;
      }
      if (!inRounded(cx, cy)) continue;
      px.set(onTick ? [255, 255, 255, 255] : [green[0], green[1], green[2], 255], i);
    }
  }
  return encodePng(size, size, px);
}
