import type { TAdminTheme } from '@convene/shared';
import { Fragment, useState } from 'react';
import { getThemes } from '../api/endpoints';
import { reorderThemes } from '../api/theme-endpoints';
import { ErrorNotice } from '../components/errors';
import { useLabels } from '../components/labels';
import { useAnnouncer } from '../components/live-region';
import { PageTitle } from '../components/page-title';
import { replaceThemes, useThemes } from '../components/themes';
import { useAction } from '../components/use-action';
import { useAdminTranslation } from '../i18n/admin-translation';
import { ThemeForm } from './theme-form';

/** The slugs with the one at `from` moved to `to` (both 0-based). */
function moved(slugs: string[], from: number, to: number): string[] {
  const next = [...slugs];
  const [slug] = next.splice(from, 1);
  next.splice(to, 0, slug!);
  return next;
}

/**
 * /admin/themes (admins): the taxonomy in its display order. Order by "Move up/down" buttons
 * or a position number (keyboard only is enough); edit a theme in place, or create one.
 */
export function ThemesPage() {
  const { t } = useAdminTranslation();
  const labels = useLabels();
  const themes = useThemes();
  const [editing, setEditing] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [announce, liveRegion] = useAnnouncer();
  const reorder = useAction(reorderThemes);

  const list = themes.state === 'ok' ? themes.data : [];
  const nameOf = (theme: TAdminTheme) => labels.localized(theme.name);

  const reload = async () => {
    const result = await getThemes();
    if (result.ok) replaceThemes(result.data.themes);
  };

  const move = async (theme: TAdminTheme, to: number, via: 'buttons' | 'position' = 'buttons') => {
    // Buttons stay focusable while a move saves (a disabled button drops the keyboard focus):
    // a press meanwhile is ignored instead.
    if (reorder.busy) return;
    const from = list.findIndex((x) => x.slug === theme.slug);
    if (from < 0 || to < 0 || to >= list.length || to === from) return;
    setMessage(null);
    const saved = await reorder.run(
      moved(
        list.map((x) => x.slug),
        from,
        to,
      ),
    );
    if (!saved) {
      await reload(); // a stale list (409) is refreshed so the next try works
      return;
    }
    replaceThemes(saved);
    announce(
      t('admin.themeEditor.moved', { theme: nameOf(theme), position: String(to + 1), total: String(list.length) }),
    );
    // Focus stays with the moved theme: its position field, or the button pressed (at the top
    // or the bottom, where that one is disabled, the other one).
    requestAnimationFrame(() => {
      if (via === 'position') {
        document.getElementById(`theme-${theme.slug}-position`)?.focus();
        return;
      }
      const up = document.getElementById(`theme-${theme.slug}-up`) as HTMLButtonElement | null;
      const down = document.getElementById(`theme-${theme.slug}-down`) as HTMLButtonElement | null;
      const atEnd = to < from ? to === 0 : to === list.length - 1;
      const wanted = to < from ? up : down;
      (atEnd ? (to < from ? down : up) : wanted)?.focus();
    });
  };

  const saved = (theme: TAdminTheme, created: boolean) => {
    replaceThemes(created ? [...list, theme] : list.map((x) => (x.slug === theme.slug ? theme : x)));
    setEditing(null);
    const text = t(created ? 'admin.themeEditor.created' : 'admin.themeEditor.saved', { theme: nameOf(theme) });
    setMessage(text);
    requestAnimationFrame(() => document.getElementById(`theme-${theme.slug}-edit`)?.focus());
  };

  return (
    <div className="themes-page">
      <PageTitle>{t('admin.themeEditor.title')}</PageTitle>
      <div className="page-heading">
        <h1>{t('admin.themeEditor.title')}</h1>
        <button
          type="button"
          className="button button-small"
          aria-expanded={editing === ''}
          data-testid="new-theme"
          onClick={() => {
            setMessage(null);
            setEditing(editing === '' ? null : '');
          }}
        >
          {t('admin.themeEditor.newTheme')}
        </button>
      </div>
      <p className="lead">{t('admin.themeEditor.intro')}</p>
      {liveRegion}
      <p role="status" className="notice notice-success" hidden={!message}>
        {message}
      </p>
      {reorder.error && reorder.error.code === 'stale_order' ? (
        <p role="alert" className="notice notice-error">
          {t('admin.themeEditor.staleOrder')}
        </p>
      ) : (
        reorder.error && <ErrorNotice error={reorder.error} />
      )}
      {editing === '' && <ThemeForm theme={null} onSaved={saved} onCancel={() => setEditing(null)} />}
      {themes.state === 'loading' && (
        <p role="status" className="status">
          {t('admin.themeEditor.loading')}
        </p>
      )}
      {themes.state === 'failed' && <ErrorNotice error={themes.error} onRetry={() => void reload()} />}
      {themes.state === 'ok' && (
        <div className="table-scroll">
          <table className="data-table" data-testid="themes-table">
            <caption className="visually-hidden">{t('admin.themeEditor.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.themeEditor.order')}</th>
                <th scope="col">{t('admin.themeEditor.name')}</th>
                <th scope="col">{t('admin.themeEditor.status')}</th>
                <th scope="col">{t('admin.themeEditor.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((theme, i) => (
                <Fragment key={theme.slug}>
                  <tr data-testid="theme-row" data-slug={theme.slug}>
                    <td className="nowrap">
                      <PositionInput
                        id={`theme-${theme.slug}-position`}
                        label={t('admin.themeEditor.positionLabel', { theme: nameOf(theme) })}
                        value={i + 1}
                        max={list.length}
                        onCommit={(position) => void move(theme, position - 1, 'position')}
                      />
                    </td>
                    <th scope="row">
                      {nameOf(theme)}
                      <br />
                      <span className="hint code" dir="ltr">
                        {theme.slug}
                      </span>
                    </th>
                    <td>
                      {theme.active ? t('admin.themeEditor.active') : t('admin.themeEditor.inactive')}
                      <br />
                      {theme.takesReports ? t('admin.themeEditor.takesReports') : t('admin.themeEditor.noReports')}
                    </td>
                    <td>
                      <div className="button-row">
                        <button
                          id={`theme-${theme.slug}-up`}
                          type="button"
                          className="button button-secondary button-small"
                          aria-label={t('admin.themeEditor.moveUpLabel', { theme: nameOf(theme) })}
                          disabled={i === 0}
                          aria-disabled={reorder.busy || undefined}
                          onClick={() => void move(theme, i - 1)}
                        >
                          {t('admin.themeEditor.moveUp')}
                        </button>
                        <button
                          id={`theme-${theme.slug}-down`}
                          type="button"
                          className="button button-secondary button-small"
                          aria-label={t('admin.themeEditor.moveDownLabel', { theme: nameOf(theme) })}
                          disabled={i === list.length - 1}
                          aria-disabled={reorder.busy || undefined}
                          onClick={() => void move(theme, i + 1)}
                        >
                          {t('admin.themeEditor.moveDown')}
                        </button>
                        <button
                          id={`theme-${theme.slug}-edit`}
                          type="button"
                          className="button button-secondary button-small"
                          aria-expanded={editing === theme.slug}
                          aria-label={t('admin.themeEditor.editLabel', { theme: nameOf(theme) })}
                          onClick={() => {
                            setMessage(null);
                            setEditing(editing === theme.slug ? null : theme.slug);
                          }}
                        >
                          {t('admin.themeEditor.edit')}
                        </button>
                      </div>
                    </td>
                  </tr>
                  {editing === theme.slug && (
                    <tr>
                      <td colSpan={4}>
                        <ThemeForm theme={theme} onSaved={saved} onCancel={() => setEditing(null)} />
                      </td>
                    </tr>
                  )}
                </Fragment>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

/** A position number, applied on Enter or when leaving the field (not on every keystroke). */
function PositionInput(props: {
  id: string;
  label: string;
  value: number;
  max: number;
  onCommit: (position: number) => void;
}) {
  const [text, setText] = useState(String(props.value));
  const [shown, setShown] = useState(props.value);
  if (shown !== props.value) {
    // The list moved under the field: show the theme's new place.
    setShown(props.value);
    setText(String(props.value));
  }
  const commit = () => {
    const n = Number(text);
    if (Number.isInteger(n) && n >= 1 && n <= props.max && n !== props.value) props.onCommit(n);
    else setText(String(props.value));
  };
  return (
    <input
      id={props.id}
      className="position-input"
      type="number"
      inputMode="numeric"
      min={1}
      max={props.max}
      aria-label={props.label}
      value={text}
      onChange={(e) => setText(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          commit();
        }
      }}
    />
  );
}
