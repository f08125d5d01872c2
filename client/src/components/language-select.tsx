import { LANGUAGES, ZLanguage } from '@convene/shared';
import { useTranslation } from 'react-i18next';
import { changeLanguage, endonym } from '../i18n/setup';
import { useLanguage } from './use-language';

/** The UI language switcher; each language is named in itself. */
export function LanguageSelect() {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <div className="preference">
      <label htmlFor="ui-language">{t('nav.language')}</label>
      <select
        id="ui-language"
        name="uiLanguage"
        value={language}
        onChange={(e) => {
          const next = ZLanguage.safeParse(e.target.value);
          if (next.success) void changeLanguage(next.data);
        }}
      >
        {LANGUAGES.map((l) => (
          <option key={l} value={l} lang={l}>
            {endonym(l)}
          </option>
        ))}
      </select>
    </div>
  );
}
