import type { EventStatus } from '../model/vocab';
import { num } from './text';

/**
 * The status encoding of app/_components/status.css, for SVG: the same colours, and the same
 * non-colour cues (solid fill, plain outline, dashed and hatched, double border, dotted and struck
 * through). tests/unit/snapshot/snapshot-svg.test.ts checks the colours against the stylesheet so
 * the two cannot drift apart.
 */
export interface StatusSvgStyle {
  /** Border colour (`--tw-c`). */
  stroke: string;
  /** Background colour (`--tw-fill`). */
  fill: string;
  /** A hatch pattern id drawn over the fill, or null. */
  hatch: string | null;
  /** stroke-dasharray, or null for a solid line. */
  dash: string | null;
  /** A double border (disputed). */
  double: boolean;
  /** The title struck through (denied). */
  strike: boolean;
}

export const STATUS_SVG: Record<EventStatus, StatusSvgStyle> = {
  confirmed: { stroke: '#166534', fill: '#166534', hatch: null, dash: null, double: false, strike: false },
  reported: { stroke: '#1d4ed8', fill: '#ffffff', hatch: null, dash: null, double: false, strike: false },
  alleged: { stroke: '#8a4b00', fill: '#ffffff', hatch: 'tw-hatch-alleged', dash: '4 3', double: false, strike: false },
  disputed: { stroke: '#a21caf', fill: '#fdf4ff', hatch: null, dash: null, double: true, strike: false },
  denied: { stroke: '#b91c1c', fill: '#f3f4f6', hatch: 'tw-hatch-denied', dash: '1.5 2.5', double: false, strike: true },
};

export const INK = '#111827';
export const MUTED = '#4b5563';
export const GRID = '#e5e7eb';
export const FONT = "DejaVu Sans, Verdana, 'Segoe UI', Arial, sans-serif";

/** Patterns and gradients shared by the marks and the legend. */
export function defs(): string {
  return `<defs>
<pattern id="tw-hatch-alleged" patternUnits="userSpaceOnUse" width="8" height="8" patternTransform="rotate(135)"><rect width="3" height="8" fill="#8a4b00" fill-opacity="0.22"/></pattern>
<pattern id="tw-hatch-denied" patternUnits="userSpaceOnUse" width="7" height="7" patternTransform="rotate(45)"><rect width="2" height="7" fill="#b91c1c" fill-opacity="0.16"/></pattern>
<linearGradient id="tw-fade-start" x1="0" x2="1" y1="0" y2="0"><stop offset="0" stop-color="#ffffff" stop-opacity="0.95"/><stop offset="1" stop-color="#ffffff" stop-opacity="0"/></linearGradient>
<linearGradient id="tw-fade-end" x1="0" x2="1" y1="0" y2="0"><stop offset="0" stop-color="#ffffff" stop-opacity="0"/><stop offset="1" stop-color="#ffffff" stop-opacity="0.95"/></linearGradient>
<marker id="tw-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#6b7280"/></marker>
</defs>`;
}

/**
 * A shape drawn in a status's encoding. `shape` is the element's name and geometry attributes
 * (e.g. `rect x=… y=… width=… height=… rx=3`); the background, hatch and border are layered as
 * the stylesheet layers background-color, background-image and border.
 */
export function statusShape(status: EventStatus, shape: string): string {
  const s = STATUS_SVG[status];
  const dash = s.dash ? ` stroke-dasharray="${s.dash}"` : '';
  const parts = [`<${shape} fill="${s.fill}" stroke="none"/>`];
  if (s.hatch) parts.push(`<${shape} fill="url(#${s.hatch})" stroke="none"/>`);
  if (s.double) {
    parts.push(`<${shape} fill="none" stroke="${s.stroke}" stroke-width="4"/>`);
    parts.push(`<${shape} fill="none" stroke="#ffffff" stroke-width="1.3"/>`);
  } else {
    parts.push(`<${shape} fill="none" stroke="${s.stroke}" stroke-width="2"${dash}/>`);
  }
  return parts.join('');
}

export const rectShape = (x: number, y: number, w: number, h: number, rx = 3) =>
  `rect x="${num(x)}" y="${num(y)}" width="${num(Math.max(w, 1))}" height="${num(h)}" rx="${num(rx)}"`;
export const circleShape = (cx: number, cy: number, r: number) => `circle cx="${num(cx)}" cy="${num(cy)}" r="${num(r)}"`;
