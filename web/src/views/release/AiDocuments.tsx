// The AI Act documents of one model of the release, to download (issue 10 item 7): the public summary
// of training content (Art. 53(1)(d)) and the information for downstream providers (Annex XII), each
// as Markdown or JSON. Every role that reads the release may download them.
import { useState } from 'react';
import { aiApi, type AiDocument, type AiDocumentFormat } from '../../api/ai.js';
import { ErrorMessage } from '../../components/status.js';

const DOCUMENTS: { document: AiDocument; format: AiDocumentFormat; label: string }[] = [
  { document: 'training-summary', format: 'md', label: 'Training-content summary (Markdown)' },
  { document: 'training-summary', format: 'json', label: 'Training-content summary (JSON)' },
  { document: 'annex-xii', format: 'md', label: 'Annex XII information (Markdown)' },
  { document: 'annex-xii', format: 'json', label: 'Annex XII information (JSON)' },
];

export function ModelDocuments({ releaseId, versionId, model }: { releaseId: number; versionId: number; model: string }) {
  const [error, setError] = useState<Error | null>(null);
  return (
    <div className="downloads" role="group" aria-label={`AI Act documents of ${model}`}>
      {DOCUMENTS.map((d) => (
        <button
          key={`${d.document}.${d.format}`}
          type="button"
          onClick={() => {
            setError(null);
            aiApi.downloadModelDocument(releaseId, versionId, d.document, d.format).catch((err: Error) => setError(err));
          }}
        >
          {d.label}
        </button>
      ))}
      {error ? <ErrorMessage error={error} /> : null}
    </div>
  );
}
