import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface DecodeBombSpec {
  /** Picture side in pixels (square). */
  side: number;
  /** Frames after the key frame. */
  frames: number;
  fps: number;
}

/** Small enough to make in a few seconds, still 1,000 frames a second of 2048×2048: a bomb. */
export const TEST_BOMB: DecodeBombSpec = { side: 2048, frames: 12_000, fps: 1000 };

const made = new Map<string, Promise<Buffer>>();

/** makeDecodeBomb, made once per process for each spec. */
export function decodeBomb(spec: DecodeBombSpec = TEST_BOMB): Promise<Buffer> {
  const key = JSON.stringify(spec);
  let bomb = made.get(key);
  if (!bomb) {
    bomb = makeDecodeBomb(spec);
    made.set(key, bomb);
  }
  return bomb;
}

/** The attack of issue 8: one 4096×4096 key frame, 12,000 tiny skip frames at 1000 fps. */
export const ISSUE_BOMB: DecodeBombSpec = { side: 4096, frames: 12_000, fps: 1000 };

/**
 * A VP8 WebM that is tiny on disk but costly to decode: ffmpeg (libvpx) encodes a key frame and
 * one inter frame of a still picture (the inter frame skips every block), the inter frame is
 * repeated in an IVF stream, and ffmpeg remuxes that into WebM. Every repeat still makes the
 * decoder produce (and the encoder consume) a whole side×side picture.
 */
export async function makeDecodeBomb(spec: DecodeBombSpec): Promise<Buffer> {
  const dir = await mkdtemp(path.join(tmpdir(), 'decode-bomb-'));
  try {
    const two = path.join(dir, 'two.ivf');
    await run('ffmpeg', [
      ...['-v', 'error', '-y', '-f', 'lavfi'],
      ...['-i', `color=c=gray:s=${spec.side}x${spec.side}:r=${spec.fps}`],
      ...['-frames:v', '2', '-c:v', 'libvpx', '-b:v', '100k', '-g', '100000'],
      ...['-auto-alt-ref', '0', two],
    ]);
    const ivf = await readFile(two);
    const [key, skip] = ivfFrames(ivf);
    const frames = [key!, ...Array.from({ length: spec.frames }, () => skip!)];
    const header = Buffer.from(ivf.subarray(0, 32));
    header.writeUInt32LE(spec.fps, 16); // time base denominator: frames per second
    header.writeUInt32LE(1, 20);
    header.writeUInt32LE(frames.length, 24);
    const parts: Buffer[] = [header];
    frames.forEach((frame, pts) => {
      const frameHeader = Buffer.alloc(12);
      frameHeader.writeUInt32LE(frame.length, 0);
      frameHeader.writeBigUInt64LE(BigInt(pts), 4);
      parts.push(frameHeader, frame);
    });
    const bombIvf = path.join(dir, 'bomb.ivf');
    const bombWebm = path.join(dir, 'bomb.webm');
    await writeFile(bombIvf, Buffer.concat(parts));
    await run('ffmpeg', ['-v', 'error', '-y', '-i', bombIvf, '-c', 'copy', bombWebm]);
    return await readFile(bombWebm);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function ivfFrames(ivf: Buffer): Buffer[] {
  const headerLength = ivf.readUInt16LE(6);
  const frames: Buffer[] = [];
  for (let at = headerLength; at + 12 <= ivf.length; ) {
    const size = ivf.readUInt32LE(at);
    frames.push(ivf.subarray(at + 12, at + 12 + size));
    at += 12 + size;
  }
  return frames;
}
