/**
 * The update policy around electron-updater, as plain TypeScript: it runs in
 * the app on electron-updater's `autoUpdater`, and in tests on the same
 * electron-updater classes with a Node app adapter against a feed served on
 * 127.0.0.1 (see test/updater/). Decides the channel, the rollout cohort and
 * the moment to install; electron-updater fetches the feed, downloads in the
 * background and verifies the sha512 (and, on Windows, the signature).
 */
import type { AppUpdater, ProgressInfo, UpdateCheckResult, UpdateDownloadedEvent, UpdateInfo } from 'electron-updater';
import type { Clock } from '../db/clock';
import type { InstallWhen, UnsupportedReason, UpdateChannel, UpdateErrorDto, UpdateInfoDto, UpdatePhase } from '../../shared/ipc/dto-updates';
import { DomainError } from '../../shared/errors';
import { decideRollout, parseStagingPercentage, rolloutCohort } from './rollout';
import {
  decideInstall,
  IDLE_BEFORE_INSTALL_MS,
  INSTALL_LOOK_MS,
  MAX_POSTPONE_HOURS,
  UPDATE_CHECK_INTERVAL_MS,
  UPDATE_RETRY_MS,
  type InstallDecision,
  type InstallTrigger,
  type TillState,
} from './update-policy';
import type { UpdateSettingsStore } from './update-settings';

/** The part of electron-updater's AppUpdater the policy drives. */
export type UpdateEngine = Pick<
  AppUpdater,
  'channel' | 'allowDowngrade' | 'autoDownload' | 'autoInstallOnAppQuit' | 'isUserWithinRollout' | 'checkForUpdates' | 'quitAndInstall' | 'on' | 'logger'
>;

export type UpdateLog = (level: 'debug' | 'info' | 'warn' | 'error', message: string, fields?: Record<string, unknown>) => void;

export interface UpdateControllerOptions {
  /** electron-updater's updater; null where the shell does not update itself (browser preview, unpackaged). */
  engine: UpdateEngine | null;
  unsupportedReason?: UnsupportedReason;
  version: string;
  registerId: () => string;
  settings: UpdateSettingsStore;
  till: () => TillState;
  clock: Clock;
  log?: UpdateLog;
  /** First check after start (default 20 s: the till opens first). */
  firstCheckDelayMs?: number;
}

/** Channel file names in the feed: stable is electron-builder's default `latest`. */
const FEED_CHANNEL: Record<UpdateChannel, string> = { stable: 'latest', beta: 'beta' };

export interface CheckOutcome {
  /** The check itself (not the download) went through. */
  ok: boolean;
  status: UpdateInfoDto;
}

export function createUpdateController(options: UpdateControllerOptions) {
  const { engine, settings, clock } = options;
  const log: UpdateLog = options.log ?? (() => {});
  let phase: UpdatePhase = engine ? 'idle' : 'unsupported';
  let available: UpdateInfoDto['available'] = null;
  let progress: UpdateInfoDto['progress'] = null;
  let downloaded: { version: string; at: string } | null = null;
  let lastDecision: InstallDecision = { install: false, reason: 'not-downloaded' };
  let checking: Promise<CheckOutcome> | null = null;
  let download: Promise<void> | null = null;
  let cancelDownload: (() => void) | null = null;
  let ignoreStaging = false;
  let installing = false;
  let started = false;
  const timers: Array<ReturnType<typeof setTimeout>> = [];
  let retry: ReturnType<typeof setTimeout> | null = null;

  const now = () => clock.now();
  const postponedUntil = () => {
    const until = settings.read().postponedUntil;
    return until ? new Date(until) : null;
  };

  function applyChannel(channel: UpdateChannel): void {
    if (!engine) return;
    engine.channel = FEED_CHANNEL[channel];
    // electron-updater turns allowDowngrade on whenever a channel is set. Leaving beta for stable would then
    // "update" a till to an older stable build, whose code refuses the newer database (DB_TOO_NEW): the till
    // would not start. A till that leaves beta stays on its build until stable passes it.
    engine.allowDowngrade = false;
  }

  function recordError(err: unknown, during: 'check' | 'download' | 'install'): UpdateErrorDto {
    const e = err as { code?: unknown; message?: unknown };
    const code = typeof e?.code === 'string' ? e.code : 'ERR_UPDATE';
    const raw = typeof e?.message === 'string' ? e.message : String(err);
    const message = explain(code, raw.split('\n')[0] ?? raw, during);
    const error = { code, message: message.slice(0, 2000), at: now().toISOString() };
    settings.update({ lastError: error });
    phase = 'failed';
    progress = null;
    log('warn', `update ${during} failed: ${message}`, { updater: true, code });
    scheduleRetry();
    return error;
  }

  function scheduleRetry(): void {
    if (!started || retry) return;
    retry = setTimeout(() => {
      retry = null;
      void check().catch(() => {});
    }, UPDATE_RETRY_MS);
    retry.unref?.();
  }

  if (engine) {
    engine.autoDownload = true;
    // We choose the moment; quitting the app (end of day, a crash) never installs behind our back.
    engine.autoInstallOnAppQuit = false;
    engine.logger = {
      info: (m: unknown) => log('debug', `electron-updater: ${String(m)}`, { updater: true }),
      warn: (m: unknown) => log('warn', `electron-updater: ${String(m)}`, { updater: true }),
      error: (m: unknown) => log('debug', `electron-updater: ${String(m)}`, { updater: true }),
    };
    applyChannel(settings.read().channel);
    engine.isUserWithinRollout = (info: UpdateInfo) => {
      const decision = decideRollout(options.registerId(), info.stagingPercentage, ignoreStaging);
      if (parseStagingPercentage(info.stagingPercentage).malformed) {
        log('warn', `feed has a malformed stagingPercentage (${String(info.stagingPercentage)}); treated as 100`, { updater: true });
      }
      if (decision.within) {
        available = { version: info.version, releaseDate: info.releaseDate ?? null, stagingPercentage: info.stagingPercentage ?? null, staged: decision.staged };
      } else {
        log('info', `update ${info.version} is rolled out to ${decision.percentage} %; this register (cohort ${decision.cohort.toFixed(1)}) waits`, { updater: true });
      }
      return decision.within;
    };
    engine.on('checking-for-update', () => {
      phase = 'checking';
    });
    engine.on('update-not-available', (info: UpdateInfo) => {
      available = null;
      if (downloaded) {
        // The feed no longer offers what was downloaded to this register (IT halted or narrowed the rollout,
        // or withdrew the release): it must not install.
        log('warn', `update ${downloaded.version} is no longer offered to this register (feed: ${info.version}); it will not install`, { updater: true });
        downloaded = null;
      }
      phase = 'up-to-date';
    });
    engine.on('update-available', (info: UpdateInfo) => {
      phase = 'downloading';
      progress = null;
      // A newer release replaces whatever was waiting; it is only "downloaded" once verified.
      if (downloaded && downloaded.version !== info.version) downloaded = null;
      log('info', `update ${info.version} found; downloading in the background`, { updater: true });
    });
    engine.on('download-progress', (p: ProgressInfo) => {
      progress = { percent: Math.round(p.percent * 10) / 10, transferred: p.transferred, total: p.total };
    });
    engine.on('update-downloaded', (event: UpdateDownloadedEvent) => {
      downloaded = { version: event.version, at: now().toISOString() };
      phase = 'downloaded';
      progress = null;
      settings.update({ lastError: null });
      log('info', `update ${event.version} downloaded and verified (sha512)`, { updater: true });
      consider('tick');
    });
  }

  async function runCheck(): Promise<CheckOutcome> {
    if (!engine) return { ok: false, status: status() };
    let result: UpdateCheckResult | null;
    try {
      result = await engine.checkForUpdates();
    } catch (err) {
      settings.update({ lastCheckAt: now().toISOString() });
      recordError(err, 'check');
      return { ok: false, status: status() };
    }
    settings.update({ lastCheckAt: now().toISOString() });
    if (result === null) {
      phase = 'unsupported';
      return { ok: false, status: status() };
    }
    if (!result.isUpdateAvailable) settings.update({ lastError: null });
    if (result.downloadPromise) {
      const token = result.cancellationToken;
      cancelDownload = token ? () => token.cancel() : null;
      download = result.downloadPromise.then(
        () => {},
        (err: unknown) => {
          // Cancelled on purpose (a channel switch): not a failure to report.
          if ((err as Error)?.name === 'CancellationError' || /cancelled/i.test((err as Error)?.message ?? '')) {
            phase = downloaded ? 'downloaded' : 'idle';
            progress = null;
            return;
          }
          downloaded = null;
          recordError(err, 'download');
        },
      ).finally(() => {
        cancelDownload = null;
        download = null;
      });
    }
    return { ok: true, status: status() };
  }

  /** One check at a time; a second caller gets the running one. */
  function check(opts: { ignoreStaging?: boolean } = {}): Promise<CheckOutcome> {
    if (checking) return checking;
    ignoreStaging = opts.ignoreStaging ?? false;
    checking = runCheck().finally(() => {
      checking = null;
      ignoreStaging = false;
    });
    return checking;
  }

  function consider(trigger: InstallTrigger): InstallDecision {
    const decision = decideInstall({ downloaded: downloaded !== null && !installing, till: options.till(), trigger, now: now(), postponedUntil: postponedUntil() });
    lastDecision = decision;
    if (decision.install && engine && downloaded) {
      installing = true;
      phase = 'installing';
      log('info', `installing update ${downloaded.version} (${decision.reason}); the app restarts`, { updater: true, reason: decision.reason });
      try {
        engine.quitAndInstall(true, true);
      } catch (err) {
        installing = false;
        downloaded = null;
        recordError(err, 'install');
      }
    }
    return decision;
  }

  function status(): UpdateInfoDto {
    const s = settings.read();
    const until = postponedUntil();
    const postponed = until !== null && until.getTime() > now().getTime();
    const when: InstallWhen = downloaded ? (installing ? lastDecision.reason : previewWhen()) : 'not-downloaded';
    return {
      version: options.version,
      channel: s.channel,
      channelSetBy: s.channelSetBy,
      phase,
      unsupportedReason: engine ? null : (options.unsupportedReason ?? 'development-build'),
      lastCheckAt: s.lastCheckAt,
      available,
      progress,
      downloaded,
      install: {
        when,
        postponedUntil: postponed ? s.postponedUntil : null,
        postponedBy: postponed ? s.postponedBy : null,
        idleMinutes: IDLE_BEFORE_INSTALL_MS / 60_000,
      },
      lastError: s.lastError,
      cohort: Math.floor(rolloutCohort(options.registerId()) * 10) / 10,
      settingsProblem: settings.problem,
    };
  }

  /** What would happen at the next look, without acting on it. */
  function previewWhen(): InstallWhen {
    return decideInstall({ downloaded: true, till: options.till(), trigger: 'tick', now: now(), postponedUntil: postponedUntil() }).reason;
  }

  return {
    status,
    /** A check now (the periodic one, or an admin's with `ignoreStaging`); the download continues in the background. */
    check,
    /** Resolves when the download in flight (if any) has finished or failed: for tests and shutdown. */
    async settled(): Promise<void> {
      while (checking || download) await (checking ?? download);
    },
    setChannel(channel: UpdateChannel, by: string): UpdateInfoDto {
      const before = settings.read().channel;
      settings.update({ channel, channelSetBy: by });
      applyChannel(channel);
      if (before !== channel) {
        // What was found or fetched on the old channel is not for this one: it never installs.
        cancelDownload?.();
        available = null;
        downloaded = null;
        progress = null;
        if (engine) phase = 'idle';
        log('info', `update channel ${before} -> ${channel} by ${by}`, { updater: true });
        if (engine && started) void check().catch(() => {});
      }
      return status();
    },
    /** Postpones installing for `hours` (0 lifts a postponement); downloads go on. */
    postpone(hours: number, by: string): UpdateInfoDto {
      if (!Number.isInteger(hours) || hours < 0 || hours > MAX_POSTPONE_HOURS) {
        throw new DomainError('VALIDATION', `postpone for 0 to ${MAX_POSTPONE_HOURS} whole hours`, 'hours');
      }
      if (hours === 0) settings.update({ postponedUntil: null, postponedBy: null });
      else settings.update({ postponedUntil: new Date(now().getTime() + hours * 3_600_000).toISOString(), postponedBy: by });
      log('info', hours === 0 ? `update postponement lifted by ${by}` : `updates postponed ${hours} h by ${by}`, { updater: true });
      return status();
    },
    /** Looks whether a downloaded update can go in now (the till changed: a sale ended, a shift closed). */
    consider,
    /** An admin's "Install now": still never during a sale or with a shift open. */
    installNow(): { decision: InstallDecision; status: UpdateInfoDto } {
      if (!downloaded) throw new DomainError('CONFLICT', 'no update has been downloaded yet', 'update');
      const decision = consider('admin');
      return { decision, status: status() };
    },
    /** Starts the schedule: a first check soon after start, then every few hours; a look each minute for a quiet moment. */
    start(): void {
      if (!engine || started) return;
      started = true;
      const first = setTimeout(() => void check().catch(() => {}), options.firstCheckDelayMs ?? 20_000);
      const every = setInterval(() => void check().catch(() => {}), UPDATE_CHECK_INTERVAL_MS);
      const look = setInterval(() => {
        if (downloaded) consider('tick');
      }, INSTALL_LOOK_MS);
      for (const t of [first, every, look]) {
        t.unref?.();
        timers.push(t);
      }
    },
    stop(): void {
      started = false;
      for (const t of timers.splice(0)) clearTimeout(t);
      if (retry) clearTimeout(retry);
      retry = null;
      cancelDownload?.();
    },
  };
}

export type UpdateController = ReturnType<typeof createUpdateController>;

/** A line IT can act on, from electron-updater's code. */
function explain(code: string, message: string, during: string): string {
  switch (code) {
    case 'ERR_CHECKSUM_MISMATCH':
      return `the downloaded update did not match the sha512 in the feed and was discarded (tampered or damaged file); the running version is untouched (${message})`;
    case 'ERR_UPDATER_CHANNEL_FILE_NOT_FOUND':
      return `the update feed has no channel file for this platform (${message})`;
    case 'ERR_UPDATER_INVALID_UPDATE_INFO':
    case 'ERR_UPDATER_INVALID_VERSION':
      return `the update feed is malformed (${message})`;
    case 'ECONNREFUSED':
    case 'ENOTFOUND':
    case 'ETIMEDOUT':
    case 'ECONNRESET':
      return `the update server could not be reached during the ${during} (${message})`;
    default:
      return message;
  }
}
