import type { TCompilation, TExportFormat, TLanguage } from '@convene/shared';
import { renderBriefCsv } from './render-brief-csv.js';
import { renderBriefDocx } from './render-brief-docx.js';
import { renderBriefMarkdown } from './render-brief-markdown.js';
import { renderCsv } from './render-csv.js';
import { renderJson } from './render-json.js';
import { renderMarkdown } from './render-markdown.js';

export type TRenderedExport = { body: Buffer; contentType: string; extension: string };

/** What a download of each format is sent as; charsets spelled out so no browser guesses. */
export const EXPORT_CONTENT_TYPES: Record<TExportFormat, string> = {
  md: 'text/markdown; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

/**
 * A compilation frozen before briefs had languages (no `layout`) is exported in English by the
 * renderers of its time, so its files stay the bytes they always were; in another language,
 * and for every newer compilation, by the brief renderers.
 */
function legacy(c: TCompilation, language: TLanguage): boolean {
  return c.layout === undefined && language === 'en';
}

async function renderBody(c: TCompilation, format: TExportFormat, language: TLanguage): Promise<Buffer> {
  if (!legacy(c, language)) {
    switch (format) {
      case 'md':
        return Buffer.from(renderBriefMarkdown(c, language), 'utf8');
      case 'docx':
        return renderBriefDocx(c, language);
      case 'csv':
        return Buffer.from(renderBriefCsv(c, language), 'utf8');
      case 'json':
        // The JSON is the snapshot itself, every language and its lineage: the same in each.
        return Buffer.from(renderJson(c), 'utf8');
      default:
        break;
    }
  }
  switch (format) {
    case 'md':
      return Buffer.from(renderMarkdown(c), 'utf8');
    case 'docx':
      // The docx library (a few MB of heap) loads with the first DOCX asked for, not at start.
      return (await import('./render-docx.js')).renderDocx(c);
    case 'csv':
      return Buffer.from(renderCsv(c), 'utf8');
    case 'json':
      return Buffer.from(renderJson(c), 'utf8');
    default: {
      const unknown: never = format;
      throw new Error(`Unknown export format: ${String(unknown)}`);
    }
  }
}

/** A compilation in one export format and language (default English), with what a response needs to send it. */
export async function renderExport(
  c: TCompilation,
  format: TExportFormat,
  language: TLanguage = 'en',
): Promise<TRenderedExport> {
  return { body: await renderBody(c, format, language), contentType: EXPORT_CONTENT_TYPES[format], extension: format };
}

/**
 * "compilation-access-to-justice-3.docx", or "…-live.md" before it is frozen: ASCII only, so
 * Content-Disposition needs no encoding and every file system takes it.
 */
export function exportFileName(c: TCompilation, format: TExportFormat, language: TLanguage = 'en'): string {
  const slug =
    c.themeSlug
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'theme';
  // English keeps the name it always had; another language says which it is.
  const suffix = language === 'en' || format === 'json' ? '' : `-${language}`;
  return `compilation-${slug}-${c.number ?? 'live'}${suffix}.${format}`;
}
