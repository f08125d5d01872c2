import type { TCompilation, TLanguage } from '@convene/shared';
import {
  AlignmentType,
  Document,
  Footer,
  HeadingLevel,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { briefModel, type TBriefBlock, type TBriefModel } from './brief-model.js';
import { isRtl } from './brief-text.js';
import { textLines } from './compilation-labels.js';
import { CORE_PROPERTIES_PATH, coreProperties, CREATOR, rezipDeterministically, xmlText } from './render-docx.js';

/** The language tags Word's proofing and LibreOffice's hyphenation know each brief language by. */
const WORD_LANGUAGE: Record<TLanguage, string> = { en: 'en-GB', fr: 'fr-FR', es: 'es-ES', ar: 'ar-SA' };

const HEADINGS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;

/**
 * Writes one brief's blocks as Word paragraphs. In a right-to-left brief the brief's own
 * paragraphs (headings, labels, counts) are bidirectional: they start on the right and their
 * punctuation follows Arabic order. A quoted or editorial text is laid out by its own language —
 * an English quote in an Arabic brief stays left to right (its final full stop where English puts
 * it), an Arabic quote in a French brief is bidirectional — and a run is marked right to left
 * when its text is in a right-to-left language.
 */
class DocxWriter {
  constructor(private readonly model: TBriefModel) {}

  private runs(text: string, language: TLanguage, options: { bold?: boolean; italics?: boolean } = {}): TextRun[] {
    const rtl = isRtl(language);
    return textLines(xmlText(text)).map(
      (line, i) =>
        new TextRun({
          text: line,
          break: i > 0 ? 1 : undefined,
          bold: options.bold || undefined,
          italics: options.italics || undefined,
          rightToLeft: rtl || undefined,
        }),
    );
  }

  private paragraph(
    children: TextRun[],
    options: { heading?: (typeof HEADINGS)[1 | 2 | 3]; indent?: boolean; bidi?: boolean; alignment?: 'center' } = {},
  ): Paragraph {
    const bidi = options.bidi ?? this.model.rtl;
    return new Paragraph({
      children,
      heading: options.heading,
      bidirectional: bidi || undefined,
      indent: options.indent ? { left: 567, right: 567 } : undefined,
      alignment: options.alignment === 'center' ? AlignmentType.CENTER : undefined,
    });
  }

  private label(text: string): TextRun[] {
    return this.runs(text, this.model.language, { bold: true });
  }

  private cell(text: string, bold = false): TableCell {
    return new TableCell({ children: [this.paragraph(this.runs(text, this.model.language, { bold }))] });
  }

  block(block: TBriefBlock): Array<Paragraph | Table> {
    const lang = this.model.language;
    switch (block.kind) {
      case 'heading':
        return [this.paragraph(this.runs(block.text, lang), { heading: HEADINGS[block.level] })];
      case 'paragraph': {
        const out: Paragraph[] = [];
        if (block.note) out.push(this.paragraph(this.runs(`(${block.note})`, lang, { italics: true })));
        out.push(this.paragraph(this.runs(block.text, block.language), { bidi: isRtl(block.language) }));
        return out;
      }
      case 'field':
        return [this.paragraph([...this.label(`${block.label} `), ...this.runs(block.value, block.language ?? lang)])];
      case 'quote': {
        const heading = [...this.label(block.label)];
        if (block.note) heading.push(...this.runs(` (${block.note})`, lang, { italics: true }));
        return [
          this.paragraph(heading),
          this.paragraph(this.runs(block.text, block.language), {
            indent: true,
            bidi: isRtl(block.language),
          }),
        ];
      }
      case 'bullets':
        return block.items.map((item) => {
          const children = this.runs(item.text, item.language);
          if (item.note) children.push(...this.runs(` (${item.note})`, lang, { italics: true }));
          if (item.after) children.push(...this.runs(` — ${item.after}`, lang));
          return new Paragraph({
            children,
            bullet: { level: 0 },
            bidirectional: isRtl(item.language) || undefined,
          });
        });
      case 'table':
        return [
          new Table({
            width: { size: 100, type: WidthType.PERCENTAGE },
            visuallyRightToLeft: this.model.rtl || undefined,
            rows: [
              new TableRow({ tableHeader: true, children: block.header.map((h) => this.cell(h, true)) }),
              ...block.rows.map((row) => new TableRow({ children: row.map((c) => this.cell(c)) })),
              ...(block.total ? [new TableRow({ children: block.total.map((c) => this.cell(c, true)) })] : []),
            ],
          }),
        ];
      default: {
        const unknown: never = block;
        throw new Error(`Unknown block: ${JSON.stringify(unknown)}`);
      }
    }
  }

  /** Coalition, theme, brief number and date, alone on the first page. */
  cover(): Paragraph[] {
    const { cover, language } = this.model;
    return [
      this.paragraph(this.runs(cover.coalition, language, { bold: true }), { alignment: 'center' }),
      new Paragraph({
        heading: HeadingLevel.TITLE,
        alignment: AlignmentType.CENTER,
        bidirectional: this.model.rtl || undefined,
        children: this.runs(cover.theme, language),
      }),
      this.paragraph(this.runs(cover.number, language, { bold: true }), { alignment: 'center' }),
      this.paragraph(this.runs(cover.date, language), { alignment: 'center' }),
      new Paragraph({ children: [new PageBreak()] }),
    ];
  }

  /**
   * The headings, listed: written out rather than as a Word TOC field, which Word fills only
   * after asking to update fields and a converter may leave empty.
   */
  contents(): Paragraph[] {
    const lang = this.model.language;
    return [
      this.paragraph(this.runs(this.model.contentsTitle, lang), { heading: HEADINGS[1] }),
      ...this.model.contents.map(
        (entry) =>
          new Paragraph({
            children: this.runs(entry.text, lang),
            bidirectional: this.model.rtl || undefined,
            indent: entry.level === 2 ? { start: 567 } : undefined,
          }),
      ),
      new Paragraph({ children: [new PageBreak()] }),
    ];
  }

  /** "Page 3 of 12", centred at the foot of every page. */
  footer(): Footer {
    const { page, of } = this.model.pageWords;
    const rtl = this.model.rtl || undefined;
    return new Footer({
      children: [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          bidirectional: rtl,
          children: [
            new TextRun({
              children: [`${page} `, PageNumber.CURRENT, ` ${of} `, PageNumber.TOTAL_PAGES],
              rightToLeft: rtl,
            }),
          ],
        }),
      ],
    });
  }
}

/**
 * The brief as a Word document in one language: a cover page, the contents, the brief, page
 * numbers in the footer, the document's language set (proofing, hyphenation, screen readers).
 * The same compilation and language always give the same bytes.
 */
export async function renderBriefDocx(c: TCompilation, language: TLanguage): Promise<Buffer> {
  const model = briefModel(c, language);
  const writer = new DocxWriter(model);
  const title = xmlText(model.title);
  const tag = WORD_LANGUAGE[language];
  const doc = new Document({
    creator: CREATOR,
    lastModifiedBy: CREATOR,
    title,
    styles: {
      default: {
        document: {
          run: { language: { value: tag, bidirectional: isRtl(language) ? tag : WORD_LANGUAGE.ar } },
          paragraph: {},
        },
      },
    },
    sections: [
      {
        footers: { default: writer.footer() },
        children: [...writer.cover(), ...writer.contents(), ...model.blocks.flatMap((b) => writer.block(b))],
      },
    ],
  });
  const packed = await Packer.toBuffer(doc, false, [
    { path: CORE_PROPERTIES_PATH, data: coreProperties(title, c.frozenAt ?? c.compiledAt) },
  ]);
  return rezipDeterministically(packed);
}
