import { IngestInputError } from '../errors';
import { isPdf } from './pdf-magic';

/**
 * PDF → plain text, for uploads. unpdf ships Mozilla's PDF.js as one serverless build (no worker,
 * no native canvas): text extraction only, which is all ingest needs. Version 1.7.0 is pinned
 * because later ones declare Node ≥ 22 and this app runs on Node 20.
 *
 * Bounded: the bytes were capped before (decode's MAX_INPUT_BYTES), pages are capped here, and a
 * time budget is checked between pages (PDF.js yields between pages, so a slow file is stopped
 * there). Fonts are never evaluated as code (isEvalSupported: false). Lines are joined back into
 * paragraphs: a PDF stores lines, and a sentence wrapped over two lines must stay one sentence for
 * the segmenter; a vertical gap wider than the usual line spacing starts a new paragraph.
 */
export const MAX_PDF_PAGES = 100;
export const PDF_TIME_BUDGET_MS = 10_000;

export interface PdfText {
  text: string;
  pages: number;
  title: string | null;
  warnings: string[];
}

interface Item {
  str: string;
  hasEOL?: boolean;
  transform?: number[];
}


export async function pdfToText(bytes: Uint8Array, opts: { maxPages?: number; budgetMs?: number; now?: () => number } = {}): Promise<PdfText> {
  const maxPages = opts.maxPages ?? MAX_PDF_PAGES;
  const budget = opts.budgetMs ?? PDF_TIME_BUDGET_MS;
  const now = opts.now ?? Date.now;
  const started = now();
  if (!isPdf(bytes)) throw new IngestInputError('binary', 'This file is named .pdf but is not a PDF (it does not start with %PDF-).');
  const { getDocumentProxy } = await import('unpdf');
  let pdf: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    // PDF.js takes ownership of the buffer it is given: pass a copy so the caller's bytes stay intact.
    pdf = await getDocumentProxy(new Uint8Array(bytes), { isEvalSupported: false, disableFontFace: true, useSystemFonts: false, stopAtErrors: false, verbosity: 0 });
  } catch (e) {
    const name = (e as { name?: string } | null)?.name ?? '';
    if (name === 'PasswordException') throw new IngestInputError('binary', 'This PDF is password-protected: save an unprotected copy, or paste its text.');
    throw new IngestInputError('binary', `This PDF cannot be read (${name || 'damaged or not a PDF'}). Paste its text instead.`);
  }
  try {
    const warnings: string[] = [];
    const pages = Math.min(pdf.numPages, maxPages);
    if (pdf.numPages > maxPages) warnings.push(`The PDF has ${pdf.numPages} pages; only the first ${maxPages} were read.`);
    const paragraphs: string[] = [];
    for (let p = 1; p <= pages; p++) {
      if (now() - started > budget) {
        if (p === 1) throw new IngestInputError('timeout', 'Reading this PDF took too long. Paste its text instead.');
        warnings.push(`Reading the PDF took too long: only the first ${p - 1} of ${pdf.numPages} pages were read.`);
        break;
      }
      const page = await pdf.getPage(p);
      const content = await page.getTextContent();
      paragraphs.push(...paragraphsOf(content.items as Item[]));
      page.cleanup();
    }
    let title: string | null = null;
    try {
      const info = (await pdf.getMetadata()).info as { Title?: unknown } | undefined;
      title = typeof info?.Title === 'string' && info.Title.trim() ? info.Title.trim().slice(0, 500) : null;
    } catch {
      title = null;
    }
    const text = paragraphs.join('\n\n');
    if (text.replace(/\s/g, '').length < 20) {
      throw new IngestInputError('no_text', 'This PDF has no text layer (a scanned image?): there is nothing to read without OCR. Paste its text instead.');
    }
    return { text, pages, title, warnings };
  } finally {
    await pdf.destroy();
  }
}

/** Lines by their baseline; paragraphs where the gap between lines is wider than the usual spacing. */
export function paragraphsOf(items: readonly Item[]): string[] {
  const lines: Array<{ y: number | null; text: string }> = [];
  let cur = '';
  let y: number | null = null;
  for (const it of items) {
    const iy = it.transform?.[5] ?? null;
    if (cur && y !== null && iy !== null && Math.abs(iy - y) > 1) {
      lines.push({ y, text: cur });
      cur = '';
    }
    if (!cur) y = iy;
    cur += it.str;
    if (it.hasEOL) {
      lines.push({ y, text: cur });
      cur = '';
      y = null;
    }
  }
  if (cur) lines.push({ y, text: cur });
  const kept = lines.map((l) => ({ y: l.y, text: l.text.replace(/\s+/g, ' ').trim() })).filter((l) => l.text);
  const gaps: number[] = [];
  for (let i = 1; i < kept.length; i++) {
    const a = kept[i - 1]!.y;
    const b = kept[i]!.y;
    if (a !== null && b !== null && a > b) gaps.push(a - b);
  }
  const usual = gaps.length ? [...gaps].sort((a, b) => a - b)[Math.floor(gaps.length / 2)]! : 0;
  const longest = Math.max(0, ...kept.map((l) => l.text.length));
  const out: string[] = [];
  let para = '';
  for (let i = 0; i < kept.length; i++) {
    const l = kept[i]!;
    const prev = kept[i - 1];
    const gap = prev && prev.y !== null && l.y !== null ? prev.y - l.y : null;
    // A new page or column (the baseline goes up), a wider gap, or a short line without closing
    // punctuation before it (a heading, or the last line of a paragraph) ends the paragraph.
    const shortOpenLine = prev !== undefined && prev.text.length < longest * 0.6 && !/[.!?…»"”;,-]$/.test(prev.text);
    const breakHere = gap === null || gap <= 0 || (usual > 0 && gap > usual * 1.5) || shortOpenLine;
    if (para && breakHere) {
      out.push(para);
      para = '';
    }
    // A word hyphenated at the end of a line is joined back ("gou-" + "vernement").
    para = !para ? l.text : /\p{Ll}-$/u.test(para) && /^\p{Ll}/u.test(l.text) ? para.slice(0, -1) + l.text : `${para} ${l.text}`;
  }
  if (para) out.push(para);
  return out;
}
