// XSD validation of CycloneDX XML documents with libxml2 compiled to WebAssembly (xmllint-wasm):
// the real libxml2 validator, no native build, no network access.
import { validateXML } from 'xmllint-wasm';
import { schemaText } from './files.js';
import type { SchemaViolation } from './violation.js';

const XSD_VERSIONS = new Set(['1.0', '1.1', '1.2', '1.3', '1.4', '1.5', '1.6', '1.7']);

export function hasXmlSchema(format: string, specVersion: string): boolean {
  return format === 'cyclonedx-xml' && XSD_VERSIONS.has(specVersion);
}

/** The CycloneDX XSD imports the SPDX licence-id XSD by URL; point it at the shipped copy instead. */
function bomXsd(specVersion: string): string {
  return schemaText(`cyclonedx/bom-${specVersion}.xsd`).replace(
    /schemaLocation="http:\/\/cyclonedx\.org\/schema\/spdx"/,
    'schemaLocation="spdx.xsd"',
  );
}

/**
 * The text reaches libxml2 as UTF-8 bytes whatever the file was written in; an XML declaration naming another
 * encoding (`encoding="utf-16"`, as .NET's writers put even in UTF-8 files, or `ISO-8859-1`) would make libxml2
 * decode those bytes wrongly and refuse a valid document, so the declaration is made to say UTF-8. Only the
 * first line changes, so violation line numbers still point into the file.
 */
export function declaredUtf8(xml: string): string {
  const text = xml.charCodeAt(0) === 0xfeff ? xml.slice(1) : xml;
  return text.replace(/^(<\?xml\s[^>]*?\bencoding\s*=\s*)(["'])[^"']*\2/, '$1$2UTF-8$2');
}

export async function validateXmlSchema(
  format: string,
  specVersion: string,
  xml: string,
  maxViolations = 50,
): Promise<SchemaViolation[] | undefined> {
  if (!hasXmlSchema(format, specVersion)) return undefined;
  const result = await validateXML({
    xml: [{ fileName: 'document.xml', contents: declaredUtf8(xml) }],
    schema: [{ fileName: `bom-${specVersion}.xsd`, contents: bomXsd(specVersion) }],
    preload: [{ fileName: 'spdx.xsd', contents: schemaText('cyclonedx/spdx.xsd') }],
    // Large documents need more than the default 16 MiB of wasm memory.
    initialMemoryPages: 256,
    maxMemoryPages: 32768,
  });
  if (result.valid) return [];
  return violationsOf(result.errors).slice(0, maxViolations);
}

interface XmllintError {
  message: string;
  loc: { lineNumber: number } | null;
}

/**
 * libxml2 prints a parser message as three lines (the message at its line, then the source line and a
 * caret under the place); xmllint-wasm gives each line as an error of its own. The two context lines are
 * not violations, and neither is a parser warning (`<?xml version="1.1"?>`: "Unsupported version"),
 * which libxml2 also prints when the document fails for another reason.
 */
function violationsOf(errors: readonly XmllintError[]): SchemaViolation[] {
  const out: SchemaViolation[] = [];
  let afterLocated = false;
  for (const e of errors) {
    if (!e.loc) {
      if (!afterLocated) out.push({ path: '/', message: e.message.trim() });
      continue;
    }
    afterLocated = true;
    if (/^parser warning\b/.test(e.message)) continue;
    out.push({ path: `line ${e.loc.lineNumber}`, line: e.loc.lineNumber, message: e.message.trim() });
  }
  return out.length > 0 ? out : errors.map((e) => ({ path: '/', message: e.message.trim() }));
}
