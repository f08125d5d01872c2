import { catalogs, escapeHtml, textDirection, type TLanguage } from '@convene/shared';
import { UNSUBSCRIBE_CSS_PATH } from './unsubscribe-style.js';

/**
 * The unsubscribe pages: plain HTML that works without JavaScript (and with the strict CSP:
 * no inline script or style, a same-origin stylesheet). One button, one POST.
 */
export function unsubscribePage(language: TLanguage, state: 'ask' | 'done' | 'invalid', action = ''): string {
  const catalog = catalogs[language];
  const t = catalog.unsubscribe;
  const body =
    state === 'ask'
      ? `<p>${escapeHtml(t.question)}</p>
<form method="post" action="${escapeHtml(action)}"><input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit">${escapeHtml(t.confirm)}</button></form>`
      : `<p role="status" data-state="${state}">${escapeHtml(state === 'done' ? t.done : t.invalid)}</p>`;
  const home = `/?lang=${language}`;
  return `<!doctype html>
<html lang="${language}" dir="${textDirection(language)}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${escapeHtml(t.title)} — ${escapeHtml(catalog.app.name)}</title><link rel="stylesheet" href="${UNSUBSCRIBE_CSS_PATH}"></head>
<body><header><a href="${home}">${escapeHtml(catalog.app.name)}</a></header>
<main><h1>${escapeHtml(t.title)}</h1>
${body}
<p><a href="${home}">${escapeHtml(catalog.selfService.unsubscribeHome)}</a></p>
</main></body></html>`;
}
