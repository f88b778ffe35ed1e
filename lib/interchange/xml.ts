import { XMLBuilder } from 'fast-xml-parser';

/**
 * One XML writer for GraphML and GEXF: fast-xml-parser's builder, which escapes & < > " ' in text
 * and attributes. Objects: `@_name` keys are attributes, `#text` is text content.
 */
const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  format: true,
  indentBy: '  ',
  suppressEmptyNode: true,
  suppressBooleanAttributes: false,
  processEntities: true,
});

export function buildXml(root: Record<string, unknown>): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${builder.build(root) as string}`;
}
