import type { TCompilation, TExportFormat } from '@convene/shared';
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

async function renderBody(c: TCompilation, format: TExportFormat): Promise<Buffer> {
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

/** A compilation in one export format, with what a response needs to send it as a file. */
export async function renderExport(c: TCompilation, format: TExportFormat): Promise<TRenderedExport> {
  return { body: await renderBody(c, format), contentType: EXPORT_CONTENT_TYPES[format], extension: format };
}

/**
 * "compilation-access-to-justice-3.docx", or "…-live.md" before it is frozen: ASCII only, so
 * Content-Disposition needs no encoding and every file system takes it.
 */
export function exportFileName(c: TCompilation, format: TExportFormat): string {
  const slug =
    c.themeSlug
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'theme';
  return `compilation-${slug}-${c.number ?? 'live'}.${format}`;
}
