import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '@/lib/i18n';
import { useChangeLanguage } from '@/lib/use-change-language';

/** Compact FR | EN toggle for headers; each button says its language in that language. */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const changeLanguage = useChangeLanguage();
  return (
    <fieldset className="language-switcher">
      <legend className="visually-hidden">{t('account.language.label')}</legend>
      {LANGUAGES.map((language) => (
        <button
          key={language}
          type="button"
          lang={language}
          aria-pressed={i18n.language === language}
          title={t(`languages.${language}`)}
          onClick={() => changeLanguage(language)}
        >
          <span aria-hidden="true">{language.toUpperCase()}</span>
          <span className="visually-hidden">{t(`languages.${language}`)}</span>
        </button>
      ))}
    </fieldset>
  );
}
