/**
 * The unsubscribe pages' stylesheet: the public pages' look (colours, type, header,
 * notices, button) in a few rules, served from /unsubscribe/assets/ because the CSP allows
 * same-origin stylesheets only (no inline style). Logical properties, so Arabic mirrors.
 */
export const UNSUBSCRIBE_CSS_PATH = '/unsubscribe/assets/unsubscribe.css';

export const UNSUBSCRIBE_CSS = `:root {
  --text: #1b1f24;
  --muted: #4a5361;
  --bg: #ffffff;
  --surface: #f4f6f8;
  --border: #c9d0d8;
  --brand: #0b4f8a;
  --brand-dark: #083a66;
  --focus: #d15600;
  --error: #b3261e;
  --error-bg: #fdf0ef;
  --success: #1e6b34;
  --success-bg: #eef7f0;
  color-scheme: light;
  font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Noto Sans Arabic', Tahoma, sans-serif;
  line-height: 1.5;
  color: var(--text);
  background: var(--bg);
  -webkit-text-size-adjust: 100%;
  text-size-adjust: 100%;
}
*, *::before, *::after { box-sizing: border-box; }
body { margin: 0; }
a { color: var(--brand); text-underline-offset: 0.15em; }
a:hover { color: var(--brand-dark); }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
header { background: var(--surface); border-block-end: 1px solid var(--border); }
header > a {
  display: block;
  max-inline-size: 40rem;
  margin-inline: auto;
  padding: 0.75rem 1rem;
  font-size: 1.4rem;
  font-weight: 700;
  color: var(--text);
  text-decoration: none;
}
main { display: block; max-inline-size: 40rem; margin-inline: auto; padding: 1.5rem 1rem 3rem; }
h1 { font-size: 1.75rem; line-height: 1.25; margin-block: 0 1rem; }
p { margin-block: 0 1rem; overflow-wrap: anywhere; }
p[role='status'] {
  padding: 0.75rem 1rem;
  border-inline-start: 4px solid var(--success);
  background: var(--success-bg);
  border-start-end-radius: 0.5rem;
  border-end-end-radius: 0.5rem;
}
p[data-state='invalid'] { border-inline-start-color: var(--error); background: var(--error-bg); }
form { margin-block: 0 1.5rem; }
button {
  font: inherit;
  font-weight: 600;
  min-block-size: 2.75rem;
  padding: 0.55rem 1.4rem;
  border: 2px solid var(--brand);
  border-radius: 0.375rem;
  background: var(--brand);
  color: #fff;
  cursor: pointer;
}
button:hover { background: var(--brand-dark); border-color: var(--brand-dark); }
`;
