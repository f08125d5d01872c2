import { REGIONS, type TRegion } from '@convene/shared';
import { useLabels } from '../components/labels';
import { useAdminTranslation } from '../i18n/admin-translation';

export type Scope = { regions: TRegion[]; themes: string[] };

/** An account's scope as the API takes it: an empty list means every region / every theme (null). */
export function scopeBody(scope: Scope): { regionScope: TRegion[] | null; themeScope: string[] | null } {
  return {
    regionScope: scope.regions.length > 0 ? scope.regions : null,
    themeScope: scope.themes.length > 0 ? scope.themes : null,
  };
}

function toggle<T>(list: T[], item: T, on: boolean): T[] {
  return on ? (list.includes(item) ? list : [...list, item]) : list.filter((x) => x !== item);
}

/** Region and theme checkboxes; none ticked means the whole of it. `idPrefix` keeps ids unique. */
export function ScopeFields({
  idPrefix,
  scope,
  onChange,
}: {
  idPrefix: string;
  scope: Scope;
  onChange: (scope: Scope) => void;
}) {
  const { t } = useAdminTranslation();
  const labels = useLabels();
  return (
    <>
      <fieldset className="subtopics">
        <legend>{t('admin.accounts.regions')}</legend>
        <p className="hint">{t('admin.accounts.regionsHint')}</p>
        <ul className="options options-inline">
          {REGIONS.map((r) => (
            <li key={r} className="checkbox">
              <input
                id={`${idPrefix}-region-${r}`}
                type="checkbox"
                name="regionScope"
                value={r}
                checked={scope.regions.includes(r)}
                onChange={(e) => onChange({ ...scope, regions: toggle(scope.regions, r, e.target.checked) })}
              />
              <label htmlFor={`${idPrefix}-region-${r}`}>{labels.region(r)}</label>
            </li>
          ))}
        </ul>
      </fieldset>
      <fieldset className="subtopics">
        <legend>{t('admin.accounts.themes')}</legend>
        <p className="hint">{t('admin.accounts.themesHint')}</p>
        <ul className="options options-inline">
          {labels.themeList.map((theme) => (
            <li key={theme.slug} className="checkbox">
              <input
                id={`${idPrefix}-theme-${theme.slug}`}
                type="checkbox"
                name="themeScope"
                value={theme.slug}
                checked={scope.themes.includes(theme.slug)}
                onChange={(e) => onChange({ ...scope, themes: toggle(scope.themes, theme.slug, e.target.checked) })}
              />
              <label htmlFor={`${idPrefix}-theme-${theme.slug}`}>{labels.theme(theme.slug)}</label>
            </li>
          ))}
        </ul>
      </fieldset>
    </>
  );
}
