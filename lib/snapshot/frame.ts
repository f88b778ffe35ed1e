import type { SourceSummary } from '../model/source';
import { formatPartialDate } from '../model/partial-date';
import { FONT, INK, MUTED, defs } from './style';
import { esc, num, textWidth, truncate, wrap } from './text';

/**
 * What every snapshot has around its drawing: a title and subtitle, a legend, the credits (every
 * source with publisher, title and date, and the case URL), and <title>/<desc> for screen readers.
 */
export const MARGIN = 24;

export interface FrameText {
  /** The case title. */
  title: string;
  /** "Timeline · 13 events · Published version of …". */
  subtitle: string;
  /** <title> of the document. */
  a11yTitle: string;
  /** <desc>: the drawing in words. */
  a11yDesc: string;
  sources: readonly Pick<SourceSummary, 'publisher' | 'title' | 'published'>[];
  caseUrl: string;
}

export interface LegendItem {
  /** SVG of a swatch drawn in a 30×14 box whose top-left corner is (0, 0). */
  swatch: string;
  label: string;
}

export function header(t: FrameText, width: number): { svg: string; height: number } {
  const max = width - 2 * MARGIN;
  const svg = [
    `<text x="${MARGIN}" y="36" font-size="19" font-weight="bold" fill="${INK}">${esc(truncate(t.title, 19, max, true))}</text>`,
    `<text x="${MARGIN}" y="57" font-size="12" fill="${MUTED}">${esc(truncate(t.subtitle, 12, max))}</text>`,
  ].join('\n');
  return { svg, height: 72 };
}

/** Legend items flowed left to right, wrapping; placed at `top`. */
export function legend(items: readonly LegendItem[], width: number, top: number): { svg: string; height: number } {
  const out: string[] = [];
  let x = MARGIN;
  let y = top;
  const rowH = 22;
  out.push(`<text x="${MARGIN}" y="${num(y + 11)}" font-size="11" font-weight="bold" fill="${INK}">Key</text>`);
  x += 34;
  for (const item of items) {
    const w = 30 + 6 + textWidth(item.label, 11) + 18;
    if (x + w > width - MARGIN && x > MARGIN + 34) {
      x = MARGIN + 34;
      y += rowH;
    }
    out.push(`<g transform="translate(${num(x)},${num(y)})">${item.swatch}<text x="36" y="11" font-size="11" fill="${INK}">${esc(item.label)}</text></g>`);
    x += w;
  }
  return { svg: `<g class="tw-legend">${out.join('')}</g>`, height: y - top + rowH };
}

/** The credits: sources, then the case URL. */
export function credits(t: FrameText, width: number, top: number): { svg: string; height: number } {
  const max = width - 2 * MARGIN;
  const sources = t.sources.map((s) => `${s.publisher}, “${s.title}”${s.published ? ` (${formatPartialDate(s.published)})` : ''}`);
  const lines = wrap(`Sources: ${sources.length ? sources.join('; ') : 'none'}`, 10.5, max, 8);
  const out: string[] = [`<line x1="${MARGIN}" x2="${num(width - MARGIN)}" y1="${num(top)}" y2="${num(top)}" stroke="#d1d5db"/>`];
  let y = top + 16;
  for (const line of lines) {
    out.push(`<text x="${MARGIN}" y="${num(y)}" font-size="10.5" fill="${MUTED}">${esc(line)}</text>`);
    y += 14;
  }
  out.push(`<text x="${MARGIN}" y="${num(y)}" font-size="10.5" fill="${MUTED}">${esc(truncate(`Made with Timeweave · ${t.caseUrl}`, 10.5, max))}</text>`);
  return { svg: `<g class="tw-credits">${out.join('\n')}</g>`, height: y - top + 12 };
}

/** The whole document. `body` is drawn between the header and the legend. */
export function document(t: FrameText, width: number, body: { svg: string; height: number }, legendItems: readonly LegendItem[]): string {
  const head = header(t, width);
  const legendTop = head.height + body.height + 16;
  const key = legend(legendItems, width, legendTop);
  const foot = credits(t, width, legendTop + key.height + 10);
  const height = Math.ceil(legendTop + key.height + 10 + foot.height + 8);
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="tw-title tw-desc" font-family="${esc(FONT)}">`,
    `<title id="tw-title">${esc(t.a11yTitle)}</title>`,
    `<desc id="tw-desc">${esc(t.a11yDesc)}</desc>`,
    defs(),
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    head.svg,
    `<g transform="translate(0,${head.height})">${body.svg}</g>`,
    key.svg,
    foot.svg,
    `</svg>`,
    '',
  ].join('\n');
}
