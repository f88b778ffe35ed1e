import { config } from 'zod';

/**
 * zod's configuration, for every page and process: each module of ours that builds schemas imports
 * this one just before it takes `z` from zod itself:
 *
 *   import '../zod';
 *   import { z } from 'zod';
 *
 * In the browser our Content-Security-Policy forbids eval, and zod would otherwise probe
 * `new Function` (a CSP violation report on every page) to decide whether it may compile parsers;
 * jitless parsing is what it falls back to anyway. The server keeps zod's compiled fast path.
 * Because every schema module imports this one first, the setting is in force before any schema
 * can parse, whatever a page happens to import first.
 *
 * Why not re-export `z` from here: the bundler then cannot tell which of zod's exports a module
 * uses, and the whole of zod lands in the case page's first-load JavaScript (+275 KB raw,
 * +58 KB gzip); imported from 'zod' itself, only the schema kinds we use do.
 */
if (typeof window !== 'undefined') config({ jitless: true });
