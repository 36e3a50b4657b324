import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../i18n';
import { storeLanguage } from '../i18n/language-storage';

/** ES / EN toggle; the choice is remembered on this machine. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const active = i18n.resolvedLanguage ?? i18n.language;

  const choose = (language: Language) => {
    storeLanguage(language);
    void i18n.changeLanguage(language);
  };

  return (
    <div className="lang-switch" role="group" aria-label={t('language.label')}>
      {LANGUAGES.map((language) => (
        <button
          key={language}
          type="button"
          className="lang-switch__button"
          data-testid={`lang-${language}`}
          aria-pressed={active === language}
          lang={language}
          title={t(language === 'es' ? 'language.esName' : 'language.enName')}
          onClick={() => choose(language)}
        >
          {t(language === 'es' ? 'language.es' : 'language.en')}
        </button>
      ))}
    </div>
  );
}
