import {
  browserSupports,
  pickRecordingFormat,
  type RecordingFormat,
} from '../recording/recording-format.js';

export interface BrowserSupport {
  /** getUserMedia is present (it needs https, or localhost). */
  camera: boolean;
  /** The best recording format, or null when the browser cannot record. */
  format: RecordingFormat | null;
  /** Recordings can be kept on the device until uploaded (IndexedDB). */
  storage: boolean;
}

export function checkBrowserSupport(): BrowserSupport {
  return {
    camera: Boolean(window.isSecureContext && navigator.mediaDevices?.getUserMedia),
    format: pickRecordingFormat(browserSupports),
    storage: typeof indexedDB !== 'undefined',
  };
}

/** True when nothing would stop this browser from recording an answer. */
export function canRecord(support: BrowserSupport): boolean {
  return support.camera && support.format !== null;
}
