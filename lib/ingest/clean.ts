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

/**
 * Never text, and cut out of the markup before the DOM is built: a linear scan (no backtracking
 * regex) skips each element from its opening tag to its closing tag. Real pages carry most of their
 * bytes in scripts, styles and inline SVG; parsing them into DOM nodes only for Readability and the
 * drop step below to delete them again was most of the HTML stage's cost. Comments go too.
 * `<svg/>` and `<math/>` may close themselves (foreign content); the others are raw text or never
 * rendered. When a closing tag is missing the scan stops and the DOM step removes what is left.
 */
const INERT_OPEN = /<!--|<(script|style|noscript|template|svg|math|iframe|object|canvas|textarea|select)(?=[\s/>])/gi;
const INERT_CLOSE: Record<string, RegExp> = Object.fromEntries(
  ['script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'object', 'canvas', 'textarea', 'select'].map((t) => [t, new RegExp(`</${t}[^>]*>`, 'gi')]),
);
/** The rest of an opening tag, quoted attribute values included ('>' may sit inside quotes). */
const TAG_REST = /[^>"']*(?:(?:"[^"]*"|'[^']*')[^>"']*)*>/y;
const LD_JSON = /\btype\s*=\s*["']?application\/ld\+json/i;

interface Stripped {
  html: string;
  scripts: number;
  /** Bodies of `<script type="application/ld+json">`: the page's own metadata, read as data. */
  jsonLd: string[];
}

export function stripInert(html: string): Stripped {
  const parts: string[] = [];
  const jsonLd: string[] = [];
  let scripts = 0;
  let at = 0;
  INERT_OPEN.lastIndex = 0;
  for (let m = INERT_OPEN.exec(html); m; m = INERT_OPEN.exec(html)) {
    let end: number;
    const tag = m[1]?.toLowerCase();
    if (!tag) {
      const close = html.indexOf('-->', m.index + 4);
      if (close < 0) break;
      end = close + 3;
    } else {
      TAG_REST.lastIndex = m.index + m[0].length;
      if (!TAG_REST.exec(html)) break;
      const openEnd = TAG_REST.lastIndex;
      const openTag = html.slice(m.index, openEnd);
      if ((tag === 'svg' || tag === 'math') && openTag.endsWith('/>')) {
        end = openEnd;
      } else {
        const close = INERT_CLOSE[tag]!;
        close.lastIndex = openEnd;
        const c = close.exec(html);
        if (!c) break;
        end = c.index + c[0].length;
        if (tag === 'script') {
          scripts++;
          if (LD_JSON.test(openTag) && c.index - openEnd < 200_000) jsonLd.push(html.slice(openEnd, c.index));
        }
      }
    }
    parts.push(html.slice(at, m.index));
    at = end;
    INERT_OPEN.lastIndex = end;
  }
  if (at === 0) return { html, scripts, jsonLd };
  parts.push(html.slice(at));
  return { html: parts.join(' '), scripts, jsonLd };
}

/**
 * Tag-name sets hold both cases: `localName` is lowercase for parsed HTML, but linkedom keeps the
 * case given to createElement, and Readability creates its wrappers as "DIV" and "P".
 */
const bothCases = (names: readonly string[]) => new Set(names.flatMap((n) => [n, n.toUpperCase()]));
/** Never text: what the scan above left (an unclosed script) and what is not shown or not prose. */
const DROP_TAGS = bothCases(['script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'svg', 'math', 'canvas', 'form', 'button', 'input', 'select', 'textarea']);
const dropped = (el: Element) => DROP_TAGS.has(el.localName) || el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true';

const BLOCK = bothCases([
  'address', 'article', 'aside', 'blockquote', 'br', 'dd', 'div', 'dl', 'dt', 'figcaption', 'figure', 'footer', 'h1', 'h2', 'h3', 'h4',
  'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'table', 'td', 'th', 'tr', 'ul', 'body', 'caption',
]);

interface Block {
  text: string;
  /** Why this block is furniture whatever Readability says (nav, share bar, caption…), if it is. */
  cue: string | null;
}

/** Keyed by `localName` (lowercase in an HTML document; `tagName` is uppercased on every read). */
const FURNITURE_TAGS: Record<string, string> = {
  nav: 'navigation',
  header: 'page header',
  footer: 'page footer',
  aside: 'sidebar',
  figcaption: 'image caption',
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
  const tag = FURNITURE_TAGS[el.localName.toLowerCase()];
  if (tag) return tag;
  const role = el.getAttribute('role');
  if (role === 'navigation' || role === 'banner' || role === 'contentinfo' || role === 'complementary') return 'navigation';
  const cls = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
  if (cls.trim()) for (const [re, reason] of FURNITURE_CLASS) if (re.test(cls)) return reason;
  return null;
}

/**
 * Text blocks in document order, each with the furniture cue of its nearest marked ancestor.
 * Iterative (a hostile page may nest elements thousands deep) and by firstChild/nextSibling, which
 * linkedom answers in constant time (its childNodes builds a list on every read). With `drop`, the
 * elements that are never text are skipped and collected for removal.
 */
function blocksOf(root: Node, withCues: boolean, drop: Element[] | null): Block[] {
  const blocks: Block[] = [];
  let buf = '';
  let bufCue: string | null = null;
  const flush = () => {
    const text = buf.replace(/\s+/g, ' ').trim();
    if (text) blocks.push({ text, cue: bufCue });
    buf = '';
  };
  // Each frame: the element being walked, its cue, whether it is a block, and the child to visit next.
  const stack: Array<{ el: Node; cue: string | null; block: boolean; next: Node | null }> = [{ el: root, cue: null, block: true, next: root.firstChild }];
  flush();
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    const node = top.next;
    if (!node) {
      stack.pop();
      if (top.block) flush();
      continue;
    }
    top.next = node.nextSibling;
    if (node.nodeType === 3) {
      if (!buf) bufCue = top.cue;
      buf += node.nodeValue ?? '';
      continue;
    }
    if (node.nodeType !== 1) continue;
    const el = node as Element;
    if (drop && dropped(el)) {
      drop.push(el);
      continue;
    }
    if (el.localName === 'img' || el.localName === 'IMG') continue;
    const block = BLOCK.has(el.localName);
    if (block) flush();
    stack.push({ el, cue: withCues ? (cueOf(el) ?? top.cue) : null, block, next: el.firstChild });
  }
  flush();
  return blocks;
}

/**
 * Readability as it ships, with two of its internal steps made cheaper for this use (text only):
 * - `_getAllNodesWithTag` asks the DOM for `querySelectorAll("a,b,c")`; linkedom compiles a CSS
 *   selector on every call (css-select, ~20-40 µs each, ~40 calls a page whatever its size). A
 *   tag-name walk in document order returns the same nodes.
 * - `_isProbablyVisible` reads `node.style`, for which linkedom builds a CSSStyleDeclaration (a Proxy
 *   over a parsed Map) on every element it is asked about; the inline style attribute is read
 *   instead, for the same two properties.
 * - `_fixRelativeUris` rewrites every link and image URL of the article; only text is read here.
 * All are overrides of undocumented methods: if a Readability release renames them, they are simply
 * not called and the result is the same, only slower (a unit test notices and says so).
 */
class TextReadability extends Readability<Node> {
  _getAllNodesWithTag(node: Element | Document, tagNames: readonly string[]): Element[] {
    const wanted = bothCases(tagNames.map((t) => t.toLowerCase()));
    const out: Element[] = [];
    const doc = node.nodeType === 9 ? (node as Document) : node.ownerDocument!;
    const walker = doc.createTreeWalker(node, 1 /* NodeFilter.SHOW_ELEMENT */);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (n !== node && wanted.has((n as Element).localName)) out.push(n as Element);
    }
    return out;
  }

  _isProbablyVisible(node: Element): boolean {
    const style = node.getAttribute('style');
    return (
      !(style && HIDDEN_STYLE.test(style)) &&
      !node.hasAttribute('hidden') &&
      (node.getAttribute('aria-hidden') !== 'true' || (node.getAttribute('class') ?? '').includes('fallback-image'))
    );
  }

  _fixRelativeUris(): void {}
}
const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\s*(?:!important\s*)?(?:;|$)/i;

const norm = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();

function cleanHtml(raw: string): CleanedDocument {
  const warnings: string[] = [];
  const { html, scripts: stripped, jsonLd } = stripInert(raw);
  const { document } = parseHTML(html.includes('<html') ? html : `<!doctype html><html><body>${html}</body></html>`);
  const meta = htmlMeta(document, jsonLd);
  const body = document.body ?? document.documentElement;
  const drop: Element[] = [];
  // The head's leftovers (an unclosed script) are dropped too; its title and meta were read above.
  if (document.head) blocksOf(document.head, false, drop);
  const page = blocksOf(body, true, drop);
  const scripts = stripped + drop.filter((el) => el.localName === 'script').length;
  if (scripts > 0) warnings.push(`${scripts} script element(s) removed; scripts are never read or run.`);
  for (const el of drop) el.remove();

  let articleTexts = new Set<string>();
  let title = meta.title;
  try {
    // Readability edits the DOM it reads: the page's blocks were taken above.
    // The serializer hands back Readability's own element: its blocks are read in place instead of
    // serialising the article to HTML and parsing it a second time. JSON-LD was read above (the
    // scripts holding it never reach the DOM), and classes are never read, so neither is kept.
    const article = new TextReadability(document as unknown as Document, {
      charThreshold: 200,
      serializer: (node) => node,
      disableJSONLD: true,
      keepClasses: true,
    }).parse();
    if (article?.content) {
      articleTexts = new Set(blocksOf(article.content, false, null).map((b) => b.text.toLowerCase()));
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
    const key = b.text.toLowerCase(); // blocks are already whitespace-collapsed and trimmed
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

/**
 * The page's metadata in one pass over its <meta>, <title>, <link> and <time> elements (no CSS
 * selector per field), then JSON-LD (schema.org NewsArticle) for what the tags did not say.
 * Each field takes the first value found, in the order listed.
 */
function htmlMeta(document: Document, jsonLd: readonly string[]): DocumentMeta {
  const tags = new Map<string, string>();
  for (const el of Array.from(document.getElementsByTagName('meta'))) {
    const content = el.getAttribute('content')?.trim();
    if (!content) continue;
    for (const attr of ['property', 'name', 'itemprop', 'http-equiv']) {
      const k = el.getAttribute(attr);
      if (k && !tags.has(`${attr}=${k.toLowerCase()}`)) tags.set(`${attr}=${k.toLowerCase()}`, content);
    }
  }
  const m = (k: string) => tags.get(k);
  const first = (tag: string, pick: (el: Element) => string | null | undefined) => {
    for (const el of Array.from(document.getElementsByTagName(tag))) {
      const v = pick(el)?.trim();
      if (v) return v;
    }
    return undefined;
  };
  const meta: DocumentMeta = {};
  const set = <K extends keyof DocumentMeta>(k: K, v: string | undefined) => {
    if (v && !meta[k]) meta[k] = v;
  };
  set('title', m('property=og:title') ?? first('title', (el) => el.textContent));
  set('publisher', m('property=og:site_name') ?? m('name=publisher') ?? m('name=application-name'));
  set('author', m('name=author') ?? m('property=article:author'));
  set('url', first('link', (el) => (/(^|\s)canonical(\s|$)/i.test(el.getAttribute('rel') ?? '') ? el.getAttribute('href') : null)) ?? m('property=og:url'));
  set('published', m('property=article:published_time') ?? m('name=date') ?? m('itemprop=datepublished') ?? first('time', (el) => el.getAttribute('datetime')));
  set('language', document.documentElement?.getAttribute('lang') ?? m('http-equiv=content-language'));
  for (const ld of jsonLd) {
    const a = articleOfJsonLd(ld);
    if (!a) continue;
    set('title', str(a.headline));
    set('published', str(a.datePublished) ?? str(a.dateCreated));
    set('author', nameOf(a.author));
    set('publisher', nameOf(a.publisher));
    set('language', str(a.inLanguage));
    set('url', str(a.url) ?? str(a.mainEntityOfPage));
  }
  return meta;
}

const ARTICLE_TYPES = /^(?:Article|NewsArticle|ReportageNewsArticle|AnalysisNewsArticle|BlogPosting|Report|WebPage|LiveBlogPosting)$/;
type Json = Record<string, unknown>;
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim().slice(0, 500) : undefined);
const nameOf = (v: unknown): string | undefined => {
  const x = Array.isArray(v) ? v[0] : v;
  return str(x) ?? (x && typeof x === 'object' ? str((x as Json).name) : undefined);
};

/** The first article-like object of a JSON-LD block (top level, an array, or an @graph), if any. */
function articleOfJsonLd(raw: string): Json | null {
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return null;
  }
  const candidates: unknown[] = Array.isArray(data) ? data : [data, ...(data && typeof data === 'object' && Array.isArray((data as Json)['@graph']) ? ((data as Json)['@graph'] as unknown[]) : [])];
  for (const c of candidates.slice(0, 50)) {
    if (!c || typeof c !== 'object') continue;
    const t = (c as Json)['@type'];
    if ((Array.isArray(t) ? t : [t]).some((x) => typeof x === 'string' && ARTICLE_TYPES.test(x))) return c as Json;
  }
  return null;
}
