import { useEffect, useEffectEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffSummary } from '../../../shared/ipc/dto';
import { PIN_MAX, PIN_MIN } from '../../../shared/pin';
import { Kbd } from '../../components/Kbd';
import { errorMessage } from '../../i18n/error-message';
import { useLocale } from '../../lib/use-locale';
import { useSession } from '../../stores/stores-context';
import { PinDots } from './PinDots';

const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;

/**
 * PIN entry for one person: on-screen keys for touch, and the physical
 * keyboard (digits, Backspace, Delete, Enter, Escape) wherever focus is.
 */
export function PinPad({ user, onBack }: { user: StaffSummary; onBack: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const login = useSession((s) => s.login);
  const checking = useSession((s) => s.loggingIn);
  const error = useSession((s) => s.loginError);
  const [pin, setPin] = useState('');
  const panel = useRef<HTMLElement>(null);
  const keys = useRef<HTMLDivElement>(null);

  useEffect(() => {
    panel.current?.focus();
  }, []);

  const press = (digit: string) => setPin((current) => (current.length >= PIN_MAX ? current : current + digit));
  const backspace = () => setPin((current) => current.slice(0, -1));
  const clear = () => setPin('');
  const canSubmit = pin.length >= PIN_MIN && !checking;

  const submit = async () => {
    if (!canSubmit) return;
    const ok = await login(user.id, pin);
    // On success this pad is already gone; on failure start a fresh PIN.
    if (!ok) setPin('');
  };

  const onKey = useEffectEvent((event: KeyboardEvent) => {
    if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
    if (/^[0-9]$/.test(event.key)) {
      event.preventDefault();
      press(event.key);
      return;
    }
    switch (event.key) {
      case 'Backspace':
        event.preventDefault();
        backspace();
        return;
      case 'Delete':
        event.preventDefault();
        clear();
        return;
      case 'Escape':
        event.preventDefault();
        onBack();
        return;
      case 'Enter': {
        // Enter on a button outside the keys (Back, language) keeps its own meaning;
        // anywhere else, including a focused digit key, it submits the PIN.
        const target = event.target;
        if (target instanceof Element && target.closest('button') && !keys.current?.contains(target)) return;
        event.preventDefault();
        void submit();
        return;
      }
    }
  });

  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKey(event);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);

  return (
    <section className="pin-panel" ref={panel} tabIndex={-1} aria-labelledby="pin-title" data-testid="pin-pad">
      <div className="pin-panel__head">
        <button type="button" className="button button--quiet" data-testid="pin-back" aria-keyshortcuts="Escape" onClick={onBack}>
          ← {t('login.back')} <Kbd>Esc</Kbd>
        </button>
        <div className="pin-panel__who">
          <h2 id="pin-title" className="pin-panel__title">
            {t('login.pinFor', { name: user.displayName })}
          </h2>
          <span className="pin-panel__role">{t(`roles.${user.role}`)}</span>
        </div>
      </div>

      <PinDots length={pin.length} slots={PIN_MIN} />

      <p className="pin-panel__error" role="alert" data-testid={error ? 'login-error' : undefined}>
        {error ? errorMessage(t, error, locale) : ''}
      </p>

      <div className="pin-keys" ref={keys}>
        {DIGITS.map((digit) => (
          <button key={digit} type="button" className="pin-key" data-testid={`pin-key-${digit}`} onClick={() => press(digit)}>
            {digit}
          </button>
        ))}
        <button
          type="button"
          className="pin-key pin-key--aux"
          data-testid="pin-clear"
          aria-label={t('login.clear')}
          title={t('login.clear')}
          onClick={clear}
        >
          C
        </button>
        <button type="button" className="pin-key" data-testid="pin-key-0" onClick={() => press('0')}>
          0
        </button>
        <button
          type="button"
          className="pin-key pin-key--aux"
          data-testid="pin-backspace"
          aria-label={t('login.backspace')}
          title={t('login.backspace')}
          onClick={backspace}
        >
          ⌫
        </button>
        <button
          type="button"
          className="pin-key pin-key--enter"
          data-testid="pin-enter"
          disabled={!canSubmit}
          onClick={() => void submit()}
        >
          {checking ? t('login.checking') : t('login.enter')}
        </button>
      </div>

      <p className="pin-panel__hint">{t('login.keyboardHint')}</p>
    </section>
  );
}
