// The release's AI components (issue 10 item 7): each model with its card, each dataset with its
// facts, the lineage between them, and the declared use the licences' restrictions are judged on
// (DeclaredUse.tsx).
import type { DatasetFacts, ModelCard } from '../../../../src/model/ai.js';
import type { ReleaseAi, ReleaseUse } from '../../api/ai.js';
import type { Blocker } from '../../api/types.js';
import { ModelDocuments } from './AiDocuments.js';
import { DeclaredUse } from './DeclaredUse.js';
import { LineageGraph } from './LineageGraph.js';

function Fact({ term, value }: { term: string; value: string | number | undefined | null }) {
  if (value === undefined || value === null || value === '') return null;
  return (
    <div>
      <dt>{term}</dt>
      <dd className="wrap-anywhere">{typeof value === 'number' ? value.toLocaleString('en') : value}</dd>
    </div>
  );
}

function CardFacts({ card }: { card: ModelCard }) {
  const list = (items: string[]) => (items.length ? items.join('; ') : undefined);
  return (
    <dl className="facts ai-facts">
      <Fact term="Task" value={card.task} />
      <Fact term="Architecture" value={[card.architecture, card.architectureFamily].filter(Boolean).join(' · ')} />
      <Fact term="Parameters" value={card.parameterCount} />
      <Fact term="Context size" value={card.contextSize} />
      <Fact term="Inputs" value={list(card.inputs.map((i) => i.format))} />
      <Fact term="Outputs" value={list(card.outputs.map((o) => o.format))} />
      <Fact term="Languages" value={list(card.languages)} />
      <Fact term="Library" value={card.library} />
      <Fact term="Datasets named" value={list(card.datasets.map((d) => d.name ?? d.url ?? ''))} />
      <Fact term="Use cases" value={list(card.considerations.useCases)} />
      <Fact term="Limitations" value={list(card.considerations.limitations)} />
      <Fact term="Metrics" value={list(card.metrics.map((m) => `${m.type}${m.value ? ` ${m.value}` : ''}`))} />
    </dl>
  );
}

function DatasetFactList({ facts }: { facts: DatasetFacts }) {
  const list = (items: string[]) => (items.length ? items.join('; ') : undefined);
  return (
    <dl className="facts ai-facts">
      <Fact term="Origin" value={facts.origin} />
      <Fact term="Modalities" value={list(facts.modalities)} />
      <Fact
        term="Size"
        value={
          facts.sizeCategory ??
          (facts.sizeBytes !== undefined ? `${facts.sizeBytes.toLocaleString('en')} bytes` : undefined)
        }
      />
      <Fact term="Contents" value={facts.contentsUrl} />
      <Fact term="Collection" value={facts.collectionProcess} />
      <Fact term="Preprocessing" value={list(facts.preprocessing)} />
      <Fact term="Sensitive data" value={list(facts.sensitiveData) ?? facts.sensitivePersonalData} />
      <Fact term="Known bias" value={list(facts.knownBias)} />
    </dl>
  );
}

export function AiPanel({
  ai,
  use,
  useFindings,
  onChanged,
}: {
  ai: ReleaseAi;
  use: ReleaseUse;
  useFindings: Blocker[];
  onChanged: () => void;
}) {
  // The declaration is shown even without models: non-commercial clauses bind code licences too.
  const declared = <DeclaredUse use={use} findings={useFindings} onSaved={onChanged} />;
  if (ai.models.length === 0 && ai.datasets.length === 0) {
    return (
      <div className="stack">
        <p className="muted">No machine-learning models or datasets in this release.</p>
        {declared}
      </div>
    );
  }
  return (
    <div className="stack">
      {declared}
      <section aria-labelledby="ai-models-title">
        <h3 id="ai-models-title">Models</h3>
        <ul style={{ listStyle: 'none', padding: 0 }}>
          {ai.models.map((m) => (
            <li key={m.versionId} className="card">
              <h4>{m.component}</h4>
              <p className="muted small">
                Licence: <code>{m.license ?? 'none stated'}</code>
                {m.purl ? (
                  <>
                    {' '}
                    · <code>{m.purl}</code>
                  </>
                ) : null}
              </p>
              {m.card ? (
                <CardFacts card={m.card} />
              ) : (
                <p className="muted">No model card: named by its lineage only.</p>
              )}
              <ModelDocuments releaseId={ai.releaseId} versionId={m.versionId} model={m.component} />
            </li>
          ))}
        </ul>
      </section>
      {ai.datasets.length ? (
        <section aria-labelledby="ai-datasets-title">
          <h3 id="ai-datasets-title">Datasets</h3>
          <ul style={{ listStyle: 'none', padding: 0 }}>
            {ai.datasets.map((d) => (
              <li key={d.versionId} className="card">
                <h4>{d.component}</h4>
                <p className="muted small">
                  Licence: <code>{d.license ?? 'none stated'}</code>
                </p>
                {d.facts ? (
                  <DatasetFactList facts={d.facts} />
                ) : (
                  <p className="muted">No dataset facts: named by its lineage only.</p>
                )}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {ai.lineage.length ? (
        <section aria-labelledby="ai-lineage-title">
          <h3 id="ai-lineage-title">Lineage</h3>
          <LineageGraph ai={ai} />
        </section>
      ) : null}
    </div>
  );
}
