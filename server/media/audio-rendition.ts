import { createReadStream } from 'node:fs';
import path from 'node:path';
import type { Logger } from 'pino';
import type { Storage } from '../../storage/storage.js';
import type { FfmpegBinaries } from './ffmpeg-binaries.js';
import { createCommand, FfmpegFailure, runCommand } from './ffmpeg-command.js';

/** A stream copy takes a fraction of a second; anything longer is stuck. */
const AUDIO_TIMEOUT_SECONDS = 120;

/**
 * Writes the AAC audio of a converted answer as its own MP4 (`audio/mp4`, index first): a stream
 * copy, no re-encoding. Reviewers with "audio first" listen to it before they may see the video.
 * Returns null when the answer has no audio to copy.
 */
export async function extractAudioRendition(
  binaries: FfmpegBinaries,
  videoPath: string,
  audioPath: string,
): Promise<string | null> {
  const command = createCommand(binaries, { timeoutSeconds: AUDIO_TIMEOUT_SECONDS })
    .input(videoPath)
    .outputOptions(['-map', '0:a:0', '-vn', '-c:a', 'copy', '-movflags', '+faststart'])
    .outputOptions(['-map_metadata', '-1'])
    .format('mp4')
    .output(audioPath);
  try {
    await runCommand(command);
    return audioPath;
  } catch (err) {
    // A picture without sound (a silent recording): there is nothing to listen to.
    if (err instanceof FfmpegFailure && /matches no streams/i.test(err.stderrTail)) return null;
    throw err;
  }
}

/**
 * The media job's audio step: extracts the rendition next to the video and stores it under the
 * given key (answerKeys().audio). Returns the key, or null without audio.
 */
export async function storeAudioRendition(
  options: { binaries: FfmpegBinaries; storage: Storage; log: Logger },
  key: string,
  videoPath: string,
): Promise<string | null> {
  const audioPath = path.join(path.dirname(videoPath), 'audio.m4a');
  const written = await extractAudioRendition(options.binaries, videoPath, audioPath);
  if (!written) {
    options.log.info('answer has no audio: no audio rendition');
    return null;
  }
  await options.storage.put(key, createReadStream(written), { contentType: 'audio/mp4' });
  return key;
}
