import 'server-only';
import { existsSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';

/**
 * SVG → PNG with resvg (Rust, prebuilt native binding; no browser, no system libraries). resvg
 * draws text only with fonts it is given: DejaVu Sans, which Debian ships in fonts-dejavu-core
 * (installed by .ci/run), is loaded by path so the picture is the same on every machine; system
 * fonts are a fallback only when that file is missing.
 */
const DEJAVU = ['/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf', '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf'];

export function rasterize(svg: string, width: number): Buffer {
  const fontFiles = DEJAVU.filter((f) => existsSync(/*turbopackIgnore: true*/ f));
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: width },
    font: { fontFiles, loadSystemFonts: fontFiles.length === 0, defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans' },
    background: '#ffffff',
  });
  return resvg.render().asPng();
}
