// The AI Act documents of one model of the release, to download (issue 10 item 7): the public summary
// of training content (Art. 53(1)(d)) and the information for downstream providers (Annex XII), each
// as Markdown or JSON. Every role that reads the release may download them.
import { useState } from 'react';
import { aiApi, type AiDocument, type AiDocumentFormat } from '../../api/ai.js';
import { ErrorMessage } from '../../components/status.js';

const DOCUMENTS: { document: AiDocument; title: string }[] = [
  { document: 'training-summary', title: 'Training-content summary' },
  { document: 'annex-xii', title: 'Annex XII information' },
];
const FORMATS: { format: AiDocumentFormat; label: string }[] = [
  { format: 'md', label: 'Markdown' },
  { format: 'json', label: 'JSON' },
];

export function ModelDocuments({
  releaseId,
  versionId,
  model,
}: {
  releaseId: number;
  versionId: number;
  model: string;
}) {
  const [error, setError] = useState<Error | null>(null);
  return (
    <div className="ai-documents" role="group" aria-label={`AI Act documents of ${model}`}>
      {DOCUMENTS.map((d) => (
        <p key={d.document} className="downloads">
          <span className="small">{d.title}:</span>
          {FORMATS.map((f) => (
            <button
              key={f.format}
              type="button"
              aria-label={`${d.title} (${f.label})`}
              onClick={() => {
                setError(null);
                aiApi
                  .downloadModelDocument(releaseId, versionId, d.document, f.format)
                  .catch((err: Error) => setError(err));
              }}
            >
              {f.label}
            </button>
          ))}
        </p>
      ))}
      {error ? <ErrorMessage error={error} /> : null}
    </div>
  );
}
