import '../zod';
import { z } from 'zod';
import type { CaseBundle } from '../model/bundle';
import { CASE_ID_PATTERN } from '../model/ids';
import { InterchangeError } from './errors';
import { webAnnotationsText } from './annotations';
import { bundleToJson, parseBundleJson, rekeyBundle } from './bundle';
import { entitiesToCsv, eventsToCsv, parseEventsCsv } from './csv';
import { cytoscapeJsonText } from './cyjs';
import { toGexf } from './gexf';
import { toGraphMl } from './graphml';
import { parseTimelineJs, timelineJsToJson } from './timelinejs';
import type { DraftOptions, ImportReport } from './timeline-draft';

/**
 * The interchange formats, in one registry: what each export is called, its media type and file
 * extension, and the pure function that writes it from a case bundle; the import parsers, each
 * giving a checked bundle. The API and the CLI only choose from these.
 */
export const EXPORT_FORMATS = ['bundle', 'timelinejs', 'csv', 'graphml', 'gexf', 'cyjs', 'annotations'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const IMPORT_FORMATS = ['bundle', 'timelinejs', 'csv'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export const ExportQuery = z.strictObject({
  format: z.enum(EXPORT_FORMATS, { message: `format must be one of ${EXPORT_FORMATS.join(', ')}` }),
  /** csv only: which table (default events). */
  table: z.enum(['events', 'entities'], { message: 'table must be events or entities' }).optional(),
  /** timelinejs only: what the slides are grouped by (default status). */
  group: z.enum(['status', 'kind'], { message: 'group must be status or kind' }).optional(),
});
export type ExportQuery = z.infer<typeof ExportQuery>;

export interface ExportedFile {
  body: string;
  contentType: string;
  fileName: string;
}

export const EXPORT_MEDIA_TYPES: Record<ExportFormat, string> = {
  bundle: 'application/json; charset=utf-8',
  timelinejs: 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8; header=present',
  graphml: 'application/graphml+xml; charset=utf-8',
  gexf: 'application/gexf+xml; charset=utf-8',
  cyjs: 'application/json; charset=utf-8',
  annotations: 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"; charset=utf-8',
};

export function exportCase(bundle: CaseBundle, query: ExportQuery, options: { baseUrl: string }): ExportedFile {
  const id = bundle.case.id;
  switch (query.format) {
    case 'bundle':
      return { body: bundleToJson(bundle), contentType: EXPORT_MEDIA_TYPES.bundle, fileName: `${id}.timeweave.json` };
    case 'timelinejs':
      return { body: timelineJsToJson(bundle, { groupBy: query.group ?? 'status' }), contentType: EXPORT_MEDIA_TYPES.timelinejs, fileName: `${id}.timeline.json` };
    case 'csv': {
      const table = query.table ?? 'events';
      return { body: table === 'events' ? eventsToCsv(bundle) : entitiesToCsv(bundle), contentType: EXPORT_MEDIA_TYPES.csv, fileName: `${id}.${table}.csv` };
    }
    case 'graphml':
      return { body: toGraphMl(bundle), contentType: EXPORT_MEDIA_TYPES.graphml, fileName: `${id}.graphml` };
    case 'gexf':
      return { body: toGexf(bundle), contentType: EXPORT_MEDIA_TYPES.gexf, fileName: `${id}.gexf` };
    case 'cyjs':
      return { body: cytoscapeJsonText(bundle), contentType: EXPORT_MEDIA_TYPES.cyjs, fileName: `${id}.cyjs` };
    case 'annotations':
      return { body: webAnnotationsText(bundle, options), contentType: EXPORT_MEDIA_TYPES.annotations, fileName: `${id}.annotations.jsonld` };
  }
}

/** `attachment; filename="…"`: our file names are ASCII slugs, so no RFC 5987 form is needed. */
export function contentDisposition(fileName: string): string {
  return `attachment; filename="${fileName.replace(/[^A-Za-z0-9._-]/g, '_')}"`;
}

export const ImportQuery = z.strictObject({
  format: z.enum(IMPORT_FORMATS, { message: `format must be one of ${IMPORT_FORMATS.join(', ')}` }),
  /** The case to create. For a bundle, another id imports a copy under it (every id re-derived). */
  caseId: z.string().optional(),
  title: z.string().trim().min(1).max(300).optional(),
  publisher: z.string().trim().min(1).max(200).optional(),
  language: z.string().trim().min(2).max(35).optional(),
  /** Replace an existing case with the same id (a restore); without it an existing case is a conflict. */
  replace: z.enum(['true', 'false']).optional().transform((v) => v === 'true'),
});
export type ImportQuery = z.infer<typeof ImportQuery>;

export interface ParsedImport {
  bundle: CaseBundle;
  report: Omit<ImportReport, 'caseId'>;
}

/** File text → checked bundle, for any import format. Pure; throws InterchangeError. */
export function parseImport(format: ImportFormat, text: string, options: DraftOptions = {}): ParsedImport {
  if (options.caseId !== undefined && !CASE_ID_PATTERN.test(options.caseId)) {
    throw new InterchangeError(`"${options.caseId}" is not a case id (a lowercase slug such as my-case-2024)`);
  }
  if (format === 'bundle') {
    const parsed = parseBundleJson(text);
    const bundle = options.caseId || options.caseTitle ? rekeyBundle(parsed, options.caseId ?? parsed.case.id, options.caseTitle) : parsed;
    return { bundle, report: { events: bundle.events.length, eras: 0, notes: bundle === parsed ? [] : [`imported as a copy under ${bundle.case.id}: every id derived again`] } };
  }
  const { bundle, report } = format === 'timelinejs' ? parseTimelineJs(text, options) : parseEventsCsv(text, options);
  return { bundle, report: { events: report.events, eras: report.eras, notes: report.notes } };
}

export { InterchangeError };
