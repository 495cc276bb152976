import type { Command } from 'commander';
import { printJson, type CommandContext } from '../context.js';
import { loadSbom } from '../load-sbom-lazily.js';
import type { SchemaViolation } from '../../schemas/index.js';
import type { TagValueParsed } from '../../sbom/formats/spdx-tagvalue/index.js';
import { EXIT } from '../exit-codes.js';
import { countBySeverity, formatIssue } from '../format-issues.js';

export function registerSbomValidate(sbom: Command, ctx: CommandContext): void {
  sbom
    .command('validate <file>')
    .description('check a document against its official schema and for semantic problems (exit 1 when invalid)')
    .option('--json', 'print one JSON document')
    .option('--max-size <size>', 'largest input accepted (default 512MiB)')
    .action(async (file: string, opts: { json?: boolean; maxSize?: string }) => {
      // The schema stack (ajv, the XML validator) loads only for this subcommand.
      const { hasJsonSchema, hasXmlSchema, validateJsonSchema, validateTagValueAsJson, validateXmlSchema } =
        await import('../../schemas/index.js');
      const { validationIssues } = await import('../../sbom/validate/index.js');
      const loaded = await loadSbom(file, ctx.io.cwd, opts);
      const format = loaded.format.id;
      const version = loaded.specVersion;
      let violations: SchemaViolation[] | undefined;
      let schemaChecked = false;
      if (hasJsonSchema(format, version)) {
        // A YAML document's value is the one its reader parsed (ReadResult.json): parsed once, and the
        // schema sees the scalars as the reader read them (`versionInfo: 1.0` is the text "1.0").
        violations = validateJsonSchema(format, version, loaded.json);
        schemaChecked = true;
      } else if (format === 'spdx-tagvalue' && hasJsonSchema('spdx-json', version)) {
        // Tag-value has no schema of its own: its content is checked against SPDX JSON's, so that a
        // required field missing fails here as in the JSON and YAML forms.
        const { document, lines } = loaded.json as TagValueParsed;
        violations = validateTagValueAsJson(version, document, lines);
        schemaChecked = true;
      } else if (hasXmlSchema(format, version)) {
        violations = await validateXmlSchema(format, version, loaded.text);
        schemaChecked = true;
      }
      const issues = validationIssues(loaded.sbom, loaded.issues);
      const counts = countBySeverity(issues);
      const valid = (violations?.length ?? 0) === 0 && counts.error === 0;
      if (!valid) ctx.setExit(EXIT.findings);
      if (opts.json) {
        printJson(ctx, {
          file,
          format,
          specVersion: version,
          valid,
          schema: { checked: schemaChecked, violations: violations ?? [] },
          issues,
          counts,
        });
        return;
      }
      const out: string[] = [];
      // An XML violation's path is its line already; a tag-value one names its element's line beside the path.
      for (const v of violations ?? [])
        out.push(
          `${file}: schema ${v.path}${v.line !== undefined && !v.path.startsWith('line ') ? ` (line ${v.line})` : ''}: ${v.message}`,
        );
      for (const i of issues) out.push(formatIssue(file, i));
      const schemaNote = schemaChecked
        ? `${violations?.length ?? 0} schema violations`
        : 'no official schema for this format';
      out.push(
        `${file}: ${loaded.format.name} ${version}: ${valid ? 'valid' : 'INVALID'} (${schemaNote}; ${counts.error} errors, ${counts.warning} warnings)`,
      );
      ctx.io.stdout(out.join('\n') + '\n');
    });
}
