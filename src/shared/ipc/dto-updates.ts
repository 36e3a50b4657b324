/** What Settings > Updates shows and what its admin controls send. */

/** Stable is electron-updater's `latest` channel file (latest.yml); beta reads beta.yml. */
export const UPDATE_CHANNELS = ['stable', 'beta'] as const;
export type UpdateChannel = (typeof UPDATE_CHANNELS)[number];

/** The longest an admin may postpone installing (then it installs at the next quiet moment). */
export const MAX_POSTPONE_HOURS = 72;

export type UpdatePhase =
  /** This shell does not update itself (the browser preview, an unpackaged build). */
  | 'unsupported'
  /** No check yet since the app started. */
  | 'idle'
  | 'checking'
  | 'up-to-date'
  | 'downloading'
  /** Verified (sha512) and waiting for its moment to install. */
  | 'downloaded'
  /** The last check or download failed; the running version is untouched and the next check retries. */
  | 'failed'
  | 'installing';

/** Why a downloaded update has not gone in yet, or why it goes in now. */
export type InstallWhen =
  | 'not-downloaded'
  | 'postponed'
  | 'sale-open'
  | 'shift-open'
  | 'till-busy'
  | 'idle'
  | 'shift-closed'
  | 'admin';

/** The browser preview, or an Electron build that was not installed by an installer (development). */
export type UnsupportedReason = 'browser-preview' | 'development-build';

export interface UpdateErrorDto {
  /** electron-updater's code (ERR_CHECKSUM_MISMATCH, ERR_UPDATER_CHANNEL_FILE_NOT_FOUND...) or ours. */
  code: string;
  message: string;
  at: string;
}

export interface UpdateInfoDto {
  /** The running version. */
  version: string;
  channel: UpdateChannel;
  channelSetBy: string | null;
  phase: UpdatePhase;
  /** Why this shell does not update itself, when it does not. */
  unsupportedReason: UnsupportedReason | null;
  lastCheckAt: string | null;
  /** The newest release the last check found for this register (newer than the running one). */
  available: { version: string; releaseDate: string | null; stagingPercentage: number | null; staged: boolean } | null;
  /** The download in flight. */
  progress: { percent: number; transferred: number; total: number } | null;
  /** A verified download waiting to install. */
  downloaded: { version: string; at: string } | null;
  install: { when: InstallWhen; postponedUntil: string | null; postponedBy: string | null; idleMinutes: number };
  lastError: UpdateErrorDto | null;
  /** This register's place in staged rollouts, 0-100 (a release at N % reaches it when below N). */
  cohort: number;
  /** The settings file could not be read (defaults apply). */
  settingsProblem: string | null;
}

export interface InstallNowResult {
  /** True when the app is restarting into the update now. */
  installing: boolean;
  /** Why it installs, or why it must wait (a sale or a shift is open). */
  reason: InstallWhen;
  status: UpdateInfoDto;
}
