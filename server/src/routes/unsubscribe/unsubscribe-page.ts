import { catalogs, escapeHtml, textDirection, type TLanguage } from '@convene/shared';

/**
 * The unsubscribe pages: plain HTML that works without JavaScript (and with the strict CSP:
 * no inline script or style). One button, one POST.
 */
export function unsubscribePage(language: TLanguage, state: 'ask' | 'done' | 'invalid', action = ''): string {
  const t = catalogs[language].unsubscribe;
  const body =
    state === 'ask'
      ? `<p>${escapeHtml(t.question)}</p>
<form method="post" action="${escapeHtml(action)}"><input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit">${escapeHtml(t.confirm)}</button></form>`
      : `<p role="status">${escapeHtml(state === 'done' ? t.done : t.invalid)}</p>`;
  return `<!doctype html>
<html lang="${language}" dir="${textDirection(language)}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${escapeHtml(t.title)} — Convene</title></head>
<body><main><h1>${escapeHtml(t.title)}</h1>
${body}
</main></body></html>`;
}
