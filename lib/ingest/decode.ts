import { IngestInputError, MAX_INPUT_BYTES } from './errors';

/**
 * Bytes in, text out: the first gate. Refuses empty, oversized and binary input, and text in an
 * encoding it cannot read with confidence, each with a message that says what to do.
 *
 * UTF-8 is tried strictly; failing that, a charset declared in the document (HTML meta or an XML
 * prolog) is honoured; failing that, windows-1252 is used only when the bytes look like a Latin-1
 * family text (no C1 control bytes). Double-encoded UTF-8 ("Ã©") is detected and refused rather
 * than stored as garbage that quotes would then faithfully reproduce.
 */
export interface DecodedInput {
  text: string;
  encoding: string;
  warnings: string[];
}

export function decodeInput(bytes: Uint8Array, opts: { maxBytes?: number; declaredCharset?: string | null } = {}): DecodedInput {
  const max = opts.maxBytes ?? MAX_INPUT_BYTES;
  if (bytes.length === 0) throw new IngestInputError('empty', 'The input is empty: paste some text, upload a file or give a URL.');
  if (bytes.length > max) {
    throw new IngestInputError('too_large', `The input is ${formatBytes(bytes.length)}; the limit is ${formatBytes(max)}. Articles are far smaller: is this the right file?`);
  }
  if (looksBinary(bytes)) {
    throw new IngestInputError('binary', 'This looks like a binary file (an image, a PDF or an archive), not text. Upload .txt, .md or .html.');
  }
  const warnings: string[] = [];
  let text: string | null = null;
  let encoding = 'utf-8';
  const declared = normaliseCharset(opts.declaredCharset ?? sniffDeclaredCharset(bytes));
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = null;
  }
  if (text === null) {
    const fallback = declared && declared !== 'utf-8' ? declared : hasC1Controls(bytes) ? null : 'windows-1252';
    if (!fallback) {
      throw new IngestInputError('encoding', 'The text is not valid UTF-8 and declares no encoding that can be read. Save it as UTF-8 and try again.');
    }
    try {
      text = new TextDecoder(fallback, { fatal: true }).decode(bytes);
    } catch {
      throw new IngestInputError('encoding', `The text is neither valid UTF-8 nor valid ${fallback}. Save it as UTF-8 and try again.`);
    }
    encoding = fallback;
    warnings.push(`Read as ${fallback} (the bytes are not UTF-8). Check accented letters in the preview.`);
  }
  return { text: checkText(text), encoding, warnings };
}

/** Checks text that arrived already decoded (pasted): the same gates, minus the byte ones. */
export function checkText(raw: string): string {
  const text = raw.replace(/^\uFEFF/, '');
  if (text.trim().length === 0) throw new IngestInputError('empty', 'The input is empty: paste some text, upload a file or give a URL.');
  if (/\u0000/.test(text)) throw new IngestInputError('binary', 'The text contains NUL characters: it is binary data, not an article.');
  const mojibake = (text.match(/Ã[\u0080-\u00bf©¨ª«®´§¢]|â€[™œ\u009d“”˜¦]/g) ?? []).length;
  if (mojibake >= 3) {
    throw new IngestInputError(
      'encoding',
      'The text looks double-encoded (sequences like "Ã©" instead of "é"): it was decoded with the wrong encoding somewhere. Re-save it as UTF-8.',
    );
  }
  const replacement = (text.match(/\uFFFD/g) ?? []).length;
  if (replacement > 0 && replacement / text.length > 0.001) {
    throw new IngestInputError('encoding', 'The text contains replacement characters (�): it was decoded with the wrong encoding. Re-save it as UTF-8.');
  }
  return text;
}

function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  if (n >= 4 && bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46) return true; // %PDF
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 0x09 || (b > 0x0d && b < 0x20)) control++;
  }
  return control / n > 0.02;
}

function hasC1Controls(bytes: Uint8Array): boolean {
  // windows-1252 maps most of 0x80-0x9f to letters; five of them are undefined.
  for (const b of bytes) if (b === 0x81 || b === 0x8d || b === 0x8f || b === 0x90 || b === 0x9d) return true;
  return false;
}

function sniffDeclaredCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048));
  const m = /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head) ?? /<\?xml[^>]+encoding\s*=\s*["']([\w-]+)/i.exec(head);
  return m?.[1] ?? null;
}

function normaliseCharset(c: string | null | undefined): string | null {
  if (!c) return null;
  const lower = c.toLowerCase();
  if (lower === 'utf8') return 'utf-8';
  try {
    return new TextDecoder(lower).encoding;
  } catch {
    return null;
  }
}

export function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : n >= 1024 ? `${Math.round(n / 1024)} KB` : `${n} bytes`;
}
