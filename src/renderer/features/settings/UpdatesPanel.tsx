import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { z } from 'zod';
import type { ErrorInfo } from '../../../shared/errors';
import { contract } from '../../../shared/ipc/contract';
import { UPDATE_CHANNELS, type InstallNowResult, type UpdateInfoDto } from '../../../shared/ipc/dto-updates';
import { formatMoment, formatNumber } from '../../lib/format';
import { useLocale } from '../../lib/use-locale';
import { useUpdates } from '../../stores/stores-context';
import { ErrorNote, Field } from '../sell/FormBits';

/** While the tab is open, main's answer is read again this often (download progress, a check finishing). */
export const UPDATES_REFRESH_MS = 3000;
const POSTPONE_CHOICES = [1, 2, 4, 8, 24, 72] as const;

/**
 * Settings > Updates: the running version, channel, last check, what is
 * downloaded and when it will install. Everyone signed in reads it; an
 * admin checks now, changes the channel, postpones or installs (main
 * enforces who may, and never installs during a sale or an open shift).
 */
export function UpdatesPanel({ isAdmin, active }: { isAdmin: boolean; active: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const info = useUpdates((s) => s.info);
  const loadError = useUpdates((s) => s.error);
  const load = useUpdates((s) => s.load);
  const check = useUpdates((s) => s.check);
  const installNow = useUpdates((s) => s.installNow);
  const postpone = useUpdates((s) => s.postpone);
  const [busy, setBusy] = useState<'check' | 'install' | 'lift' | null>(null);
  const [failure, setFailure] = useState<ErrorInfo | null>(null);
  const [installResult, setInstallResult] = useState<InstallNowResult | null>(null);

  useEffect(() => {
    if (!active) return;
    void load();
    const timer = setInterval(() => void load(), UPDATES_REFRESH_MS);
    return () => clearInterval(timer);
  }, [active, load]);

  const run = async <T,>(kind: 'check' | 'install' | 'lift', action: () => Promise<{ ok: true; value: T } | { ok: false; error: ErrorInfo }>) => {
    setBusy(kind);
    setFailure(null);
    setInstallResult(null);
    const result = await action();
    setBusy(null);
    if (!result.ok) setFailure(result.error);
    return result;
  };

  if (!info) {
    return loadError ? (
      <div className="settings-list-error">
        <p>{t('settings.updates.loadFailed')}</p>
        <ErrorNote error={loadError} testId="updates-load-error" />
        <button type="button" className="button button--quiet" onClick={() => void load()}>
          {t('app.retry')}
        </button>
      </div>
    ) : (
      <p className="notice">{t('app.loading')}</p>
    );
  }

  const moment = (iso: string | null) => (iso ? (formatMoment(iso, locale)?.text ?? iso) : null);
  const na = t('app.notAvailable');
  const supported = info.phase !== 'unsupported';
  const rows: Array<[label: string, value: string, testId: string]> = [
    [t('settings.updates.version'), info.version, 'updates-version'],
    [t('settings.updates.channel'), channelText(t, info), 'updates-channel'],
    [t('settings.updates.state'), t(`settings.updates.phase.${info.phase}`), 'updates-phase'],
    [t('settings.updates.lastCheck'), moment(info.lastCheckAt) ?? t('status.never'), 'updates-last-check'],
    [t('settings.updates.available'), info.available ? availableText(t, info.available) : na, 'updates-available'],
    [t('settings.updates.downloaded'), downloadedText(t, info, moment, locale) ?? na, 'updates-downloaded'],
    [t('settings.updates.installs'), installText(t, info, moment), 'updates-installs'],
    [t('settings.updates.cohort'), t('settings.updates.cohortValue', { n: formatNumber(info.cohort, locale) }), 'updates-cohort'],
  ];

  return (
    <div className="settings-panel">
      <section className="settings-section" aria-labelledby="updates-title">
        <div className="settings-section__head">
          <h2 id="updates-title" className="settings-section__title">
            {t('settings.updates.heading')}
          </h2>
          {isAdmin && supported && (
            <div className="settings-actions">
              <button
                type="button"
                className="button"
                data-testid="updates-check"
                disabled={busy !== null || info.phase === 'checking' || info.phase === 'installing'}
                onClick={() => void run('check', check)}
              >
                {busy === 'check' || info.phase === 'checking' ? t('settings.updates.checking') : t('settings.updates.checkNow')}
              </button>
              {info.downloaded && (
                <button
                  type="button"
                  className="button button--primary"
                  data-testid="updates-install"
                  disabled={busy !== null || info.phase === 'installing'}
                  onClick={() =>
                    void run('install', installNow).then((r) => {
                      if (r.ok) setInstallResult(r.value);
                    })
                  }
                >
                  {t('settings.updates.installNow')}
                </button>
              )}
            </div>
          )}
        </div>
        {!supported && (
          <p className="notice" data-testid="updates-unsupported">
            {t(`settings.updates.unsupported.${info.unsupportedReason ?? 'development-build'}`)}
          </p>
        )}
        {info.settingsProblem && (
          <p className="notice" data-testid="updates-settings-problem">
            {t('settings.updates.settingsProblem', { problem: info.settingsProblem })}
          </p>
        )}
        {!isAdmin && (
          <p className="form__hint" data-testid="updates-admin-only">
            {t('settings.updates.adminOnly')}
          </p>
        )}
        {installResult && (
          <p className={installResult.installing ? 'settings-actions__feedback' : 'dialog__error'} role="status" data-testid="updates-install-result" data-installing={String(installResult.installing)}>
            {installResult.installing ? t('settings.updates.installingNow') : t('settings.updates.installRefused', { reason: t(`settings.updates.wait.${installResult.reason}`) })}
          </p>
        )}
        <ErrorNote error={failure} testId="updates-action-error" />
        <dl className="facts">
          {rows.map(([label, value, testId]) => (
            <div className="facts__row" key={testId}>
              <dt>{label}</dt>
              <dd data-testid={testId}>{value}</dd>
            </div>
          ))}
          {info.lastError && (
            <div className="facts__row">
              <dt>{t('settings.updates.lastError')}</dt>
              <dd data-testid="updates-last-error" data-code={info.lastError.code}>
                {t('settings.updates.lastErrorValue', {
                  reason: t(`settings.updates.errorCode.${info.lastError.code}`, { defaultValue: t('settings.updates.errorCode.other') }),
                  message: info.lastError.message,
                  time: moment(info.lastError.at) ?? info.lastError.at,
                })}
              </dd>
            </div>
          )}
        </dl>
        {info.lastError && <p className="form__hint">{t('settings.updates.lastErrorHelp')}</p>}
      </section>
      {isAdmin && (
        <section className="settings-section" aria-labelledby="updates-admin-title">
          <h2 id="updates-admin-title" className="settings-section__title">
            {t('settings.updates.adminHeading')}
          </h2>
          <ChannelForm info={info} />
          <PostponeForm info={info} />
          {info.install.postponedUntil && (
            <div className="form__actions">
              <button type="button" className="button button--quiet" data-testid="updates-lift" disabled={busy !== null} onClick={() => void run('lift', () => postpone(0))}>
                {t('settings.updates.lift')}
              </button>
            </div>
          )}
        </section>
      )}
    </div>
  );
}

type T = TFunction;

function channelText(t: T, info: UpdateInfoDto): string {
  const name = t(`settings.updates.channels.${info.channel}`);
  return info.channelSetBy ? t('settings.updates.channelSetBy', { channel: name, name: info.channelSetBy }) : name;
}

function availableText(t: T, available: NonNullable<UpdateInfoDto['available']>): string {
  if (available.staged) return t('settings.updates.availableStaged', { version: available.version, percent: available.stagingPercentage ?? 100 });
  if (available.stagingPercentage !== null && available.stagingPercentage < 100) {
    return t('settings.updates.availableRollout', { version: available.version, percent: available.stagingPercentage });
  }
  return available.version;
}

function downloadedText(t: T, info: UpdateInfoDto, moment: (iso: string | null) => string | null, locale: string): string | null {
  if (info.downloaded) return t('settings.updates.downloadedValue', { version: info.downloaded.version, time: moment(info.downloaded.at) });
  if (info.phase === 'downloading') {
    return info.progress ? t('settings.updates.downloading', { percent: formatNumber(info.progress.percent, locale) }) : t('settings.updates.downloadStarting');
  }
  return null;
}

function installText(t: T, info: UpdateInfoDto, moment: (iso: string | null) => string | null): string {
  const { when, postponedUntil, postponedBy, idleMinutes } = info.install;
  if (info.phase === 'installing') return t('settings.updates.installingNow');
  if (when === 'postponed') return t('settings.updates.when.postponed', { time: moment(postponedUntil), name: postponedBy ?? '' });
  if (when === 'not-downloaded') {
    return postponedUntil ? t('settings.updates.when.nothingPostponed', { time: moment(postponedUntil), name: postponedBy ?? '' }) : t('settings.updates.when.nothing');
  }
  return t(`settings.updates.when.${when}`, { minutes: idleMinutes });
}

const ChannelSchema = contract.updates.setChannel.input;
type ChannelInput = z.input<typeof ChannelSchema>;

/** The channel this till follows (admins): beta gets releases first; leaving beta never installs an older build. */
function ChannelForm({ info }: { info: UpdateInfoDto }) {
  const { t } = useTranslation();
  const setChannel = useUpdates((s) => s.setChannel);
  const [failure, setFailure] = useState<ErrorInfo | null>(null);
  const [saved, setSaved] = useState(false);
  const {
    register,
    handleSubmit,
    control,
    formState: { isSubmitting },
  } = useForm<ChannelInput>({ resolver: zodResolver(ChannelSchema), values: { channel: info.channel } });
  const chosen = useWatch({ control, name: 'channel' });
  const submit = handleSubmit(async ({ channel }) => {
    setFailure(null);
    setSaved(false);
    const result = await setChannel(channel);
    if (result.ok) setSaved(true);
    else setFailure(result.error);
  });
  return (
    <form className="form" noValidate onSubmit={(event) => void submit(event)} data-testid="updates-channel-form">
      <Field label={t('settings.updates.channel')} htmlFor="updates-channel-select">
        <select {...register('channel', { onChange: () => setSaved(false) })} id="updates-channel-select" className="input" data-testid="updates-channel-select" aria-describedby="updates-channel-hint">
          {UPDATE_CHANNELS.map((c) => (
            <option key={c} value={c}>
              {t(`settings.updates.channels.${c}`)}
            </option>
          ))}
        </select>
        <p className="form__hint" id="updates-channel-hint">
          {t('settings.updates.channelHint')}
        </p>
      </Field>
      <ErrorNote error={failure} testId="updates-channel-error" />
      {saved && (
        <p className="settings-actions__feedback" role="status" data-testid="updates-channel-saved">
          {t('settings.updates.channelSaved', { channel: t(`settings.updates.channels.${info.channel}`) })}
        </p>
      )}
      <div className="form__actions">
        <button type="submit" className="button" data-testid="updates-channel-save" disabled={isSubmitting || chosen === info.channel}>
          {t('settings.updates.channelSave')}
        </button>
      </div>
    </form>
  );
}

const PostponeSchema = contract.updates.postpone.input;
type PostponeInput = z.input<typeof PostponeSchema>;

/** Holds the install for a few hours (a busy day, a stocktake); downloads go on. */
function PostponeForm({ info }: { info: UpdateInfoDto }) {
  const { t } = useTranslation();
  const postpone = useUpdates((s) => s.postpone);
  const [failure, setFailure] = useState<ErrorInfo | null>(null);
  const {
    register,
    handleSubmit,
    formState: { isSubmitting },
  } = useForm<PostponeInput>({ resolver: zodResolver(PostponeSchema), defaultValues: { hours: 4 } });
  const submit = handleSubmit(async ({ hours }) => {
    setFailure(null);
    const result = await postpone(hours);
    if (!result.ok) setFailure(result.error);
  });
  return (
    <form className="form" noValidate onSubmit={(event) => void submit(event)} data-testid="updates-postpone-form">
      <Field label={t('settings.updates.postponeFor')} htmlFor="updates-postpone-hours">
        <select {...register('hours', { valueAsNumber: true })} id="updates-postpone-hours" className="input" data-testid="updates-postpone-hours">
          {POSTPONE_CHOICES.map((h) => (
            <option key={h} value={h}>
              {t('settings.updates.hours', { count: h })}
            </option>
          ))}
        </select>
        <p className="form__hint">{t('settings.updates.postponeHint')}</p>
      </Field>
      <ErrorNote error={failure} testId="updates-postpone-error" />
      <div className="form__actions">
        <button type="submit" className="button" data-testid="updates-postpone" disabled={isSubmitting || info.phase === 'installing'}>
          {info.install.postponedUntil ? t('settings.updates.postponeAgain') : t('settings.updates.postpone')}
        </button>
      </div>
    </form>
  );
}
