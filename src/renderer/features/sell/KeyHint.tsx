import { useTranslation } from 'react-i18next';
import { Kbd } from '../../components/Kbd';

/** A key as printed on a button, in the UI language ("Supr" / "Del"; Shift as ⇧). */
export function KeyHint({ keys }: { keys: string }) {
  const { t } = useTranslation();
  const names: Record<string, string> = {
    Delete: t('sell.keys.delete'),
    Shift: t('sell.keys.shift'),
    Ctrl: t('sell.keys.ctrl'),
    Enter: t('sell.keys.enter'),
  };
  if (keys === '+') return <Kbd>+</Kbd>;
  return <Kbd>{keys.split('+').map((part) => names[part] ?? part).join(keys.startsWith('Shift+') ? '' : '+')}</Kbd>;
}
