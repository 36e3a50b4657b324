import { useTranslation } from 'react-i18next';
import { Kbd } from '../../components/Kbd';
import { shortcutLabel } from '../../lib/shortcuts';
import { useNav } from '../../stores/stores-context';
import { SCREEN_ENTRIES } from './screens';

export function NavBar() {
  const { t } = useTranslation();
  const screen = useNav((s) => s.screen);
  const go = useNav((s) => s.go);
  return (
    <nav className="nav" aria-label={t('nav.label')}>
      <ul className="nav__list">
        {SCREEN_ENTRIES.map((entry) => (
          <li key={entry.name}>
            <button
              type="button"
              className="nav__button"
              data-testid={`nav-${entry.name}`}
              aria-current={screen === entry.name ? 'page' : undefined}
              aria-keyshortcuts={entry.shortcut}
              onClick={() => go(entry.name)}
            >
              <span className="nav__label">{t(`nav.${entry.name}`)}</span>
              <Kbd>{shortcutLabel(entry.shortcut)}</Kbd>
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
