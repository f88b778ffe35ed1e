/**
 * Text for server-rendered SVG: escaping and a width estimate. Every string that reaches an SVG
 * goes through `esc` (text and attribute values alike): case data is untrusted (see the XSS probe
 * fixture), and an SVG opened on its own is a document that could run script.
 */

// XML 1.0 forbids most C0 controls, and lone surrogates cannot be encoded: drop them so the
// document always parses, rather than failing on one odd character in a title.
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function esc(text: string): string {
  return text
    .replace(INVALID_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** A number for an attribute: two decimals at most, so output is compact and stable. */
export const num = (n: number): string => String(Math.round(n * 100) / 100);

/**
 * Advance widths of DejaVu Sans (the font the PNG is drawn with), in em, by character class. An
 * estimate, deliberately on the wide side: labels are placed so that they do not overlap, and a
 * viewer substituting a narrower font only adds space.
 */
function charEm(ch: string): number {
  if (ch === ' ') return 0.32;
  if (/[il.,:;'|!`]/.test(ch)) return 0.3;
  if (/[fjrt()[\]{}\-"]/.test(ch)) return 0.42;
  if (/[mwMW@%]/.test(ch)) return 0.95;
  if (/[A-Z&]/.test(ch)) return 0.74;
  if (/[0-9]/.test(ch)) return 0.64;
  if (/[a-z]/.test(ch)) return 0.61;
  const code = ch.codePointAt(0)!;
  if (code >= 0x2e80) return 1.0; // CJK and wider symbols
  return 0.7; // accented Latin, Cyrillic, Greek, dingbats
}

export function textWidth(text: string, fontSize: number, bold = false): number {
  let em = 0;
  for (const ch of text) em += charEm(ch);
  return em * fontSize * (bold ? 1.07 : 1);
}

/** The text cut to fit `max` pixels, with an ellipsis when cut. */
export function truncate(text: string, fontSize: number, max: number, bold = false): string {
  if (textWidth(text, fontSize, bold) <= max) return text;
  const chars = [...text];
  let lo = 0;
  let hi = chars.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (textWidth(`${chars.slice(0, mid).join('')}…`, fontSize, bold) <= max) lo = mid;
    else hi = mid - 1;
  }
  return `${chars.slice(0, lo).join('').trimEnd()}…`;
}

/** Greedy word wrap to `max` pixels; a word longer than a line is truncated. At most `maxLines`. */
export function wrap(text: string, fontSize: number, max: number, maxLines = 6): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (textWidth(next, fontSize) <= max) {
      line = next;
      continue;
    }
    if (line) lines.push(line);
    line = truncate(word, fontSize, max);
  }
  if (line) lines.push(line);
  if (lines.length > maxLines) {
    const kept = lines.slice(0, maxLines);
    kept[maxLines - 1] = truncate(`${kept[maxLines - 1]} …`, fontSize, max);
    return kept;
  }
  return lines;
}
