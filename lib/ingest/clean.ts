import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { FurnitureSpan } from '../model/source';
import { IngestInputError, MAX_TEXT_CHARS } from './errors';

/**
 * Stage 1, clean: a captured document in, the stored text out, with the page furniture kept in
 * place but marked (so offsets stay true to the capture and furniture is never evidence).
 *
 * For HTML, Readability decides what the article is; every text block of the page, in document
 * order, becomes one line of the stored text, and the blocks that are not in Readability's article
 * (navigation, share buttons, "read more" links, captions, comments) are furniture spans with a
 * reason. Scripts, styles and hidden elements never reach the text at all.
 */
export interface DocumentMeta {
  title?: string;
  publisher?: string;
  author?: string;
  url?: string;
  language?: string;
  /** ISO date or date-time as found (meta, JSON-LD, header block). */
  published?: string;
  timeZone?: string;
}

export interface CleanedDocument {
  format: 'html' | 'text' | 'markdown';
  text: string;
  furniture: FurnitureSpan[];
  meta: DocumentMeta;
  warnings: string[];
}

export type InputFormat = 'html' | 'text' | 'markdown';

export function guessFormat(text: string, hint?: string | null): InputFormat {
  const h = (hint ?? '').toLowerCase();
  if (h.includes('html') || h.endsWith('.htm')) return 'html';
  if (h.includes('markdown') || h.endsWith('.md')) return 'markdown';
  if (h.includes('text/plain') || h.endsWith('.txt')) return 'text';
  return /<(html|body|article|p|div|head)[\s>]/i.test(text.slice(0, 5000)) ? 'html' : 'text';
}

export function cleanDocument(raw: string, format: InputFormat): CleanedDocument {
  const doc = format === 'html' ? cleanHtml(raw) : cleanPlain(raw, format);
  if (doc.text.replace(/\s/g, '').length < 20) {
    throw new IngestInputError('no_text', 'No readable article text was found in this document (after removing scripts, styles and page furniture).');
  }
  if (doc.text.length > MAX_TEXT_CHARS) {
    throw new IngestInputError('too_large', `The article text is ${doc.text.length} characters long; the limit is ${MAX_TEXT_CHARS}.`);
  }
  return doc;
}

// ---------------------------------------------------------------------------------------------
// Plain text and Markdown

const HEADER_KEYS: Record<string, keyof DocumentMeta> = {
  title: 'title', titre: 'title',
  publisher: 'publisher', source: 'publisher', outlet: 'publisher', média: 'publisher', media: 'publisher',
  author: 'author', auteur: 'author', by: 'author', par: 'author',
  url: 'url', link: 'url', lien: 'url',
  language: 'language', langue: 'language', lang: 'language',
  date: 'published', published: 'published', publié: 'published', publie: 'published',
  timezone: 'timeZone', 'time zone': 'timeZone', fuseau: 'timeZone',
};

/**
 * A header block is a run of `Key: value` lines at the top (optionally between `---` fences, as
 * Markdown front matter), ended by a blank line. It is metadata, not article text.
 */
function cleanPlain(raw: string, format: 'text' | 'markdown'): CleanedDocument {
  let text = raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '');
  const meta: DocumentMeta = {};
  const lines = text.split('\n');
  let i = 0;
  const fenced = lines[0]?.trim() === '---';
  if (fenced) i = 1;
  let consumed = 0;
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    if (fenced && line.trim() === '---') {
      consumed = i + 1;
      break;
    }
    const m = /^\s*([\p{L} ]{2,20})\s*:\s*(.+?)\s*$/u.exec(line);
    const key = m ? HEADER_KEYS[m[1]!.trim().toLowerCase()] : undefined;
    if (!m || !key) {
      if (!fenced) consumed = line.trim() === '' && i > 0 ? i + 1 : consumed;
      break;
    }
    meta[key] = m[2]!.replace(/^["']|["']$/g, '');
    consumed = i + 1;
  }
  if (Object.keys(meta).length === 0) consumed = 0;
  text = lines.slice(consumed).join('\n');
  if (format === 'markdown') text = stripMarkdown(text);
  text = text.replace(/[ \t]+\n/g, '\n').replace(/\n{3,}/g, '\n\n').trim();
  if (!meta.title) {
    const first = text.split('\n').find((l) => l.trim());
    if (first && first.length < 200) meta.title = first.trim();
  }
  return { format, text, furniture: lineFurniture(text), meta, warnings: [] };
}

/**
 * Plain text pasted from a page keeps some furniture: a breadcrumb ("Infos / A La Une / Asie"), a
 * photo caption ending in a credit, "Lire plus" and share lines. Whole lines only, by their form.
 */
const LINE_FURNITURE: Array<[RegExp, string]> = [
  // A breadcrumb: short, and at least two " / " separators (checked without a backtracking regex).
  [/^(?=.{0,200}$)[^/.!?]+ \/ [^/.!?]+ \/ [^.!?]+$/, 'navigation'],
  [/(\((?:AFP|AP|Reuters|EPA|Getty)(?: photo)?\)|©\s?\S+|photo\s?:\s?\S+|crédit photo.*)$/i, 'image caption'],
];
function lineFurniture(text: string): FurnitureSpan[] {
  const spans: FurnitureSpan[] = [];
  let offset = 0;
  for (const line of text.split('\n')) {
    const t = line.trim();
    if (t) {
      const reason = FURNITURE_TEXT.find(([re]) => re.test(t))?.[1] ?? LINE_FURNITURE.find(([re]) => re.test(t))?.[1] ?? (t.length <= 3 ? 'page furniture' : null);
      if (reason) {
        const start = offset + line.indexOf(t);
        spans.push({ start, end: start + t.length, reason });
      }
    }
    offset += line.length + 1;
  }
  return spans;
}

function stripMarkdown(md: string): string {
  return md
    .replace(/```[\s\S]*?```/g, '')
    .replace(/^#{1,6}\s+/gm, '')
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|[^*\w])\*(?!\s)([^*\n]+?)\*(?!\w)/g, '$1$2')
    .replace(/^>\s?/gm, '')
    .replace(/^\s*[-*+]\s+/gm, '')
    .replace(/`([^`]+)`/g, '$1');
}

// ---------------------------------------------------------------------------------------------
// HTML

/** Never text: removed before anything reads the DOM. */
const DROP = 'script,style,noscript,template,iframe,object,embed,svg,canvas,form,button,input,select,textarea,[hidden],[aria-hidden="true"]';
const BLOCK = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BR', 'DD', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'H1', 'H2', 'H3', 'H4',
  'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'TABLE', 'TD', 'TH', 'TR', 'UL', 'BODY', 'CAPTION',
]);

interface Block {
  text: string;
  /** Why this block is furniture whatever Readability says (nav, share bar, caption…), if it is. */
  cue: string | null;
}

const FURNITURE_TAGS: Record<string, string> = {
  NAV: 'navigation',
  HEADER: 'page header',
  FOOTER: 'page footer',
  ASIDE: 'sidebar',
  FIGCAPTION: 'image caption',
};
const FURNITURE_CLASS: Array<[RegExp, string]> = [
  [/share|social|sharing|partag/i, 'share buttons'],
  [/related|read-?more|lire-?(aussi|plus)|more-?stories|recommend/i, 'read-more links'],
  [/newsletter|subscribe|abonn/i, 'newsletter prompt'],
  [/comment/i, 'comments'],
  [/cookie|consent|gdpr/i, 'cookie banner'],
  [/breadcrumb|menu|navbar|nav-/i, 'navigation'],
  [/advert|\bads?\b|promo|sponsor/i, 'advertisement'],
  [/caption|credit/i, 'image caption'],
];
const FURNITURE_TEXT: Array<[RegExp, string]> = [
  [/^(lire (aussi|plus|la suite)|à lire aussi|voir aussi|read more|see also|related|more on this)\b/i, 'read-more links'],
  [/^(partager|share( this)?|tweet|imprimer|print)\b/i, 'share buttons'],
  [/^(©|\(c\)|crédit photo|photo ?:)/i, 'image caption'],
  [/^(abonnez-vous|subscribe|sign up|inscrivez-vous)\b/i, 'newsletter prompt'],
];

function cueOf(el: Element): string | null {
  const tag = FURNITURE_TAGS[el.tagName];
  if (tag) return tag;
  const role = el.getAttribute('role');
  if (role === 'navigation' || role === 'banner' || role === 'contentinfo' || role === 'complementary') return 'navigation';
  const cls = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
  if (cls.trim()) for (const [re, reason] of FURNITURE_CLASS) if (re.test(cls)) return reason;
  return null;
}

/** Text blocks in document order, each with the furniture cue of its nearest marked ancestor. */
function blocksOf(root: Node, withCues: boolean): Block[] {
  const blocks: Block[] = [];
  let buf = '';
  let bufCue: string | null = null;
  const flush = () => {
    const text = buf.replace(/\s+/g, ' ').trim();
    if (text) blocks.push({ text, cue: bufCue });
    buf = '';
  };
  const walk = (node: Node, cue: string | null) => {
    if (node.nodeType === 3) {
      if (!buf) bufCue = cue;
      buf += node.nodeValue ?? '';
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as Element;
    const isBlock = BLOCK.has(el.tagName);
    const own = withCues ? (cueOf(el) ?? cue) : null;
    if (isBlock) flush();
    if (el.tagName === 'IMG') return;
    for (const child of Array.from(el.childNodes)) walk(child, own);
    if (isBlock) flush();
  };
  walk(root, null);
  flush();
  return blocks;
}

const norm = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();

function cleanHtml(html: string): CleanedDocument {
  const warnings: string[] = [];
  const { document } = parseHTML(html.includes('<html') ? html : `<!doctype html><html><body>${html}</body></html>`);
  const meta = htmlMeta(document);
  const scripts = document.querySelectorAll('script').length;
  if (scripts > 0) warnings.push(`${scripts} script element(s) removed; scripts are never read or run.`);
  for (const el of Array.from(document.querySelectorAll(DROP))) el.remove();
  const body = document.body ?? document.documentElement;
  const page = blocksOf(body, true);

  let articleTexts = new Set<string>();
  let title = meta.title;
  try {
    // Readability edits the DOM it reads: the page's blocks were taken above.
    // The serializer hands back Readability's own element: its blocks are read in place instead of
    // serialising the article to HTML and parsing it a second time (a third of the HTML stage's cost).
    const article = new Readability<Node>(document as unknown as Document, { charThreshold: 200, serializer: (node) => node }).parse();
    if (article?.content) {
      articleTexts = new Set(blocksOf(article.content, false).map((b) => norm(b.text)));
    }
    if (article?.title) title = article.title;
    if (article?.byline && !meta.author) meta.author = article.byline;
    if (article?.siteName && !meta.publisher) meta.publisher = article.siteName;
    if (article?.publishedTime && !meta.published) meta.published = article.publishedTime;
    if (article?.lang && !meta.language) meta.language = article.lang;
  } catch {
    warnings.push('The main-text extractor failed on this page; every block was kept as article text.');
  }
  if (title) meta.title = title.trim();

  const titleKey = title ? norm(title) : null;
  let text = '';
  const furniture: FurnitureSpan[] = [];
  for (const b of page) {
    const key = norm(b.text);
    const inArticle = articleTexts.size === 0 || articleTexts.has(key) || key === titleKey;
    const textCue = FURNITURE_TEXT.find(([re]) => re.test(b.text))?.[1] ?? null;
    const reason = key === titleKey ? null : textCue ?? (b.cue && (b.cue !== 'page header' || !inArticle) ? b.cue : null) ?? (inArticle ? null : 'outside the main text');
    if (text) text += '\n\n';
    const start = text.length;
    text += b.text;
    if (reason) furniture.push({ start, end: text.length, reason });
  }
  if (articleTexts.size === 0) warnings.push('No main article was recognised; review the furniture marks.');
  return { format: 'html', text, furniture: mergeAdjacent(furniture, text), meta, warnings };
}

/** Adjacent furniture blocks with the same reason become one span (a nav bar is one thing). */
function mergeAdjacent(spans: FurnitureSpan[], text: string): FurnitureSpan[] {
  const out: FurnitureSpan[] = [];
  for (const s of spans) {
    const last = out[out.length - 1];
    if (last && last.reason === s.reason && text.slice(last.end, s.start).trim() === '') last.end = s.end;
    else out.push({ ...s });
  }
  return out;
}

function htmlMeta(document: Document): DocumentMeta {
  const m = (sel: string) => document.querySelector(sel)?.getAttribute('content')?.trim() || undefined;
  const meta: DocumentMeta = {};
  const set = <K extends keyof DocumentMeta>(k: K, v: string | undefined) => {
    if (v && !meta[k]) meta[k] = v;
  };
  set('title', m('meta[property="og:title"]') ?? document.querySelector('title')?.textContent?.trim());
  set('publisher', m('meta[property="og:site_name"]') ?? m('meta[name="publisher"]') ?? m('meta[name="application-name"]'));
  set('author', m('meta[name="author"]') ?? m('meta[property="article:author"]'));
  set('url', document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? m('meta[property="og:url"]'));
  set('published', m('meta[property="article:published_time"]') ?? m('meta[name="date"]') ?? m('meta[itemprop="datePublished"]') ?? document.querySelector('time[datetime]')?.getAttribute('datetime') ?? undefined);
  set('language', document.documentElement?.getAttribute('lang') ?? m('meta[http-equiv="content-language"]'));
  return meta;
}
