// Small writers shared by the bom and model-card XML printers.
import type { CdxProperty } from '../cyclonedx-common/bom-shape.js';
import type { XmlWriter } from './xml-writer.js';

export function properties(w: XmlWriter, list: CdxProperty[] | undefined): void {
  if (!list || list.length === 0) return;
  w.open('properties');
  for (const p of list) w.leaf('property', p.value ?? '', { name: p.name });
  w.close('properties');
}
