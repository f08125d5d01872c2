import { CATALOG_LANGUAGES, type TLanguage } from '@convene/shared';
import { useState } from 'react';
import { changeLanguage, asLanguage, endonym } from '../../common/i18n/setup';
import { useTranslation } from '../../common/i18n/use-translation';

/** The UI language switcher; each language is named in itself. */
export function LanguageSelect() {
  const { t, language } = useTranslation();
  // The chosen language's catalog is fetched first: show the choice meanwhile, not the old one.
  const [pending, setPending] = useState<TLanguage | null>(null);
  return (
    <div className="preference">
      <label htmlFor="ui-language">{t('nav.language')}</label>
      <select
        id="ui-language"
        name="uiLanguage"
        value={pending ?? language}
        onChange={(e) => {
          const next = asLanguage(e.target.value);
          if (!next) return;
          setPending(next);
          // A failed fetch leaves the page in its language: the select goes back to it.
          changeLanguage(next).then(
            () => setPending((p) => (p === next ? null : p)),
            () => setPending((p) => (p === next ? null : p)),
          );
        }}
      >
        {CATALOG_LANGUAGES.map((l) => (
          <option key={l} value={l} lang={l}>
            {endonym(l)}
          </option>
        ))}
      </select>
    </div>
  );
}
