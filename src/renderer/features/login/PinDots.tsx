import { useTranslation } from 'react-i18next';

/** The PIN as dots: never the digits. At least `slots` places are drawn. */
export function PinDots({ length, slots }: { length: number; slots: number }) {
  const { t } = useTranslation();
  const total = Math.max(slots, length);
  return (
    <div className="pin-dots" data-testid="pin-dots" data-length={length} aria-live="polite" role="status">
      <span className="visually-hidden">{t('login.pinDigits', { count: length })}</span>
      {Array.from({ length: total }, (_, index) => (
        <span key={index} className={index < length ? 'pin-dot pin-dot--filled' : 'pin-dot'} aria-hidden="true" />
      ))}
    </div>
  );
}
