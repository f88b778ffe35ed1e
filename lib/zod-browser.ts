import { z } from 'zod';

/**
 * In the browser our Content-Security-Policy forbids eval, and zod would otherwise probe
 * `new Function` (a CSP violation report on every page) to decide whether it may compile parsers.
 * Jitless parsing is what it falls back to anyway. Imported first by every client entry that parses;
 * the server keeps zod's compiled fast path.
 */
if (typeof window !== 'undefined') z.config({ jitless: true });
