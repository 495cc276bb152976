// The lineage of the release's models drawn as a graph (issue 10 item 7): each model that nothing
// else derives from is a root, and under it what it was quantised or fine-tuned from and trained or
// tested on, and what those datasets were derived from, level by level. Nested lists rather than a drawing, so that it reads on a phone and to a
// screen reader alike; a node reached twice is drawn again, a cycle is cut and said so.
import type { ReleaseAi } from '../../api/ai.js';

export const LINEAGE_WORDS: Record<string, string> = {
  'trained-on': 'trained on',
  'tested-on': 'tested on',
  'fine-tuned-from': 'fine-tuned from',
  'quantised-from': 'quantised from',
  'derived-from': 'derived from',
};

const THIS_RELEASE = 'this release';

interface Node {
  label: string;
  kind: 'model' | 'dataset' | 'release' | null;
  license: string | null;
}

export function LineageGraph({ ai }: { ai: ReleaseAi }) {
  const nodes = new Map<string, Node>();
  for (const m of ai.models) nodes.set(m.component, { label: m.component, kind: 'model', license: m.license });
  for (const d of ai.datasets) nodes.set(d.component, { label: d.component, kind: 'dataset', license: d.license });
  const out = new Map<string, { kind: string; to: string }[]>();
  for (const e of ai.lineage) {
    const from = e.from ?? THIS_RELEASE;
    out.set(from, [...(out.get(from) ?? []), { kind: e.kind, to: e.to }]);
  }
  const targets = new Set(ai.lineage.map((e) => e.to));
  const froms = [...out.keys()];
  const roots = froms.filter((f) => !targets.has(f));
  const nodeOf = (label: string): Node =>
    nodes.get(label) ?? { label, kind: label === THIS_RELEASE ? 'release' : null, license: null };

  const branch = (label: string, path: Set<string>) => {
    const edges = out.get(label) ?? [];
    if (edges.length === 0) return null;
    return (
      <ul>
        {edges.map((e, i) => (
          <li key={`${e.kind}-${e.to}-${i}`}>
            <span className="lineage-edge">{LINEAGE_WORDS[e.kind] ?? e.kind}</span> <NodeLabel node={nodeOf(e.to)} />
            {path.has(e.to) ? (
              <span className="muted small"> (cycle: already above)</span>
            ) : (
              branch(e.to, new Set([...path, e.to]))
            )}
          </li>
        ))}
      </ul>
    );
  };

  return (
    <ul className="lineage-tree" aria-label="Lineage graph">
      {(roots.length > 0 ? roots : froms).map((root) => (
        <li key={root}>
          <NodeLabel node={nodeOf(root)} />
          {branch(root, new Set([root]))}
        </li>
      ))}
    </ul>
  );
}

function NodeLabel({ node }: { node: Node }) {
  return (
    <span className="lineage-node">
      <strong className="wrap-anywhere">{node.label}</strong>
      {node.kind ? <span className="badge">{node.kind}</span> : null}
      {node.license ? <code className="wrap-anywhere small">{node.license}</code> : null}
    </span>
  );
}
