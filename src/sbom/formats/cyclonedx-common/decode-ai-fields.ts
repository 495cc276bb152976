// A component's `modelCard` and `data` fields → the model's ModelCard / DatasetFacts and lineage.
import { issue, type Component } from '../../../model/index.js';
import type { CdxComponent } from './bom-shape.js';
import type { DecodeContext } from './decode-context.js';
import { decodeComponentData, decodeModelCard, takeDatasetProperties } from './decode-model-card.js';

export function decodeAiFields(c: CdxComponent, component: Component, ctx: DecodeContext, path: string): void {
  const ref = component.ref;
  if (c.modelCard !== undefined) {
    if (component.type !== 'machine-learning-model') {
      ctx.issues.push(
        issue(
          'warning',
          'invalid-value',
          `a model card belongs to a machine-learning-model component, not a "${component.type}"; read anyway`,
          {
            component: ref,
            field: `${path}.modelCard`,
          },
        ),
      );
    }
    const { card, lineage } = decodeModelCard(c.modelCard, ref, ctx, `${path}.modelCard`);
    component.modelCard = card;
    ctx.lineage.push(...lineage);
  }
  if (c.data === undefined) return;
  if (!Array.isArray(c.data)) {
    ctx.issues.push(
      issue('error', 'invalid-value', '"data" is not an array; ignored', { component: ref, field: `${path}.data` }),
    );
    return;
  }
  const entries = c.data.filter((d) => typeof d === 'object' && d !== null && !Array.isArray(d));
  if (entries.length === 0) return;
  const facts = decodeComponentData(entries[0]!);
  component.properties = takeDatasetProperties(facts, component.properties);
  component.dataset = facts;
  if (entries.length > 1) {
    ctx.issues.push(
      issue(
        'info',
        'lossy-decode',
        `${entries.length} data entries: Vigie keeps the facts of the first one, "${entries[0]!.name ?? entries[0]!.type}"`,
        {
          component: ref,
          field: `${path}.data`,
        },
      ),
    );
  }
}
