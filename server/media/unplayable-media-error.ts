/** Why a recording cannot be turned into a video: stable, for logs and for callers to branch on. */
export type UnplayableReason =
  | 'not_media'
  | 'no_streams'
  | 'too_long'
  | 'bad_dimensions'
  | 'empty'
  | 'damaged'
  | 'too_costly';

const SENTENCES: Record<UnplayableReason, string> = {
  not_media: 'The upload is not a playable video or audio recording.',
  no_streams: 'The upload contains neither a picture nor sound.',
  too_long: 'The recording is longer than this question allows.',
  bad_dimensions:
    'The video has a picture size that cannot be played (at most 4096 pixels a side).',
  empty: 'The recording is empty: no picture or sound could be read from it.',
  damaged: 'The recording is damaged and could not be played back.',
  too_costly:
    'The recording holds far more picture than a camera makes in the time allowed, so it cannot be processed.',
};

/**
 * The input itself cannot become a playable video: retrying will not help. The message is a
 * sentence fit for a recruiter or a candidate; `detail` (ffmpeg's stderr tail, which may name
 * files) is for logs only.
 */
export class UnplayableMediaError extends Error {
  constructor(
    readonly reason: UnplayableReason,
    readonly detail = '',
  ) {
    super(SENTENCES[reason]);
    this.name = 'UnplayableMediaError';
  }
}
