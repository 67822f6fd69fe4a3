import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '@/lib/i18n';
import { useChangeLanguage } from '@/lib/use-change-language';

/** Radio buttons applied at once: each language is named in itself. */
export function LanguageForm() {
  const { t, i18n } = useTranslation();
  const changeLanguage = useChangeLanguage();
  return (
    <fieldset className="radio-group">
      <legend>{t('account.language.label')}</legend>
      <p className="field-hint">{t('account.language.help')}</p>
      {LANGUAGES.map((language) => (
        <label key={language} className="radio" lang={language}>
          <input
            type="radio"
            name="language"
            value={language}
            checked={i18n.language === language}
            onChange={() => changeLanguage(language)}
          />
          {t(`languages.${language}`)}
        </label>
      ))}
    </fieldset>
  );
}
