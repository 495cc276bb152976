// A CycloneDX 1.6 JSON SBOM whose dependency graph is deep: a chain ("spine") of `depth` components
// from the primary component down, every further component hanging below the one `depth` places
// earlier (a third of them with a second parent of the same depth). 50k components at depth 2,300 reproduce the release that made
// per-usage paths grow to a gigabyte (issue 13). Deterministic for given arguments.

export interface DeepGraphOptions {
  components: number;
  depth: number;
}

export function deepGraphCycloneDx({ components, depth }: DeepGraphOptions): string {
  const ref = (i: number) => `pkg:npm/deep-${i.toString(36)}@1.0.${i % 10}`;
  const list: string[] = [];
  const deps: { ref: string; dependsOn: string[] }[] = [{ ref: 'root', dependsOn: [ref(0)] }];
  const children: string[][] = Array.from({ length: components }, () => []);
  for (let i = 1; i < components; i++) {
    const deepParent = i < depth ? i - 1 : i - depth;
    children[deepParent].push(ref(i));
    // A second parent as deep as the first: several paths, none of them a shortcut.
    if (i > depth && i % 3 === 0) children[i - depth + 1].push(ref(i));
  }
  for (let i = 0; i < components; i++) {
    const r = ref(i);
    const name = `deep-${i.toString(36)}`;
    list.push(
      JSON.stringify({
        type: 'library',
        'bom-ref': r,
        name,
        version: `1.0.${i % 10}`,
        purl: r,
        licenses: [{ license: { id: i % 2 ? 'MIT' : 'Apache-2.0' } }],
      }),
    );
    deps.push({ ref: r, dependsOn: children[i] });
  }
  return (
    `{"bomFormat":"CycloneDX","specVersion":"1.6","version":1,` +
    `"metadata":{"component":{"type":"application","bom-ref":"root","name":"deep-app","version":"1.0.0"}},` +
    `"components":[${list.join(',')}],"dependencies":${JSON.stringify(deps)}}`
  );
}
