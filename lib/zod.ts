import { z } from 'zod';

/**
 * The one zod every schema of ours is built with (`import { z } from '<…>/lib/zod'`), configured
 * once, here, before any schema module can parse.
 *
 * In the browser our Content-Security-Policy forbids eval, and zod would otherwise probe
 * `new Function` (a CSP violation report on every page) to decide whether it may compile parsers;
 * jitless parsing is what it falls back to anyway. The server keeps zod's compiled fast path.
 * Because every schema module imports this one, the setting is in force wherever a schema is
 * used, whatever a page happens to import first.
 */
if (typeof window !== 'undefined') z.config({ jitless: true });

export { z };
