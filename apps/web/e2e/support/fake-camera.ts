import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const width = 192;
const height = 108;
const frames = 12;
const framesPerSecond = 12;

/**
 * A small looping camera picture for Chromium's fake capture device
 * (`--use-file-for-fake-video-capture`), written as a Y4M file: a light bar
 * crossing a blue field. Chromium's own fake camera draws 640×480 frames in
 * software, and three pages each encoding that for two peers on a 2-core
 * machine starved the pages (the story's clicks timed out); a 192×108
 * picture is still real video through real peer connections, at a fraction
 * of the cost. Answers the file's path.
 */
export function writeFakeCamera(): string {
  const path = join(tmpdir(), `teamaround-fake-camera-${width}x${height}.y4m`);
  const header = Buffer.from(
    `YUV4MPEG2 W${width} H${height} F${framesPerSecond}:1 Ip A1:1 C420jpeg\n`,
  );
  const lumaSize = width * height;
  const chromaSize = (width / 2) * (height / 2);
  const parts: Buffer[] = [header];
  for (let frame = 0; frame < frames; frame++) {
    const barStart = Math.floor((frame * width) / frames);
    const luma = Buffer.alloc(lumaSize, 80);
    for (let row = 0; row < height; row++) {
      for (let column = barStart; column < Math.min(barStart + 24, width); column++) {
        luma[row * width + column] = 200;
      }
    }
    parts.push(
      Buffer.from("FRAME\n"),
      luma,
      Buffer.alloc(chromaSize, 170),
      Buffer.alloc(chromaSize, 100),
    );
  }
  writeFileSync(path, Buffer.concat(parts));
  return path;
}
