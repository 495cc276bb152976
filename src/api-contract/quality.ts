/** SBOM quality of a release (issue 12 item 1): the stored profile results of its documents and a score per import. */
import { BOOLEAN, COUNT, ID, ID_PARAMS, STRING, STRING_OR_NULL, closed, type Infer } from './json-schema.js';
import { route } from './route.js';

const LEVEL = { type: 'string', enum: ['required', 'additional', 'optional'] } as const;

/** One check as `vigie sbom quality --json` prints it (failing refs bounded to the first 100). */
export const QUALITY_CHECK = closed(
  {
    id: STRING,
    title: STRING,
    clause: STRING,
    level: LEVEL,
    pass: BOOLEAN,
    covered: COUNT,
    total: COUNT,
    failing: { type: 'array', items: STRING },
  },
  ['id', 'title', 'clause', 'level', 'pass', 'covered', 'total', 'failing'],
);

export const PROFILE_RESULT = closed(
  { profile: STRING, pass: BOOLEAN, checks: { type: 'array', items: QUALITY_CHECK } },
  ['profile', 'pass', 'checks'],
);

export const PROFILE_SCORE = closed(
  {
    profile: STRING,
    pass: BOOLEAN,
    requiredPassing: COUNT,
    required: COUNT,
    score: { type: 'number', minimum: 0, maximum: 1 },
    covered: COUNT,
    total: COUNT,
  },
  ['profile', 'pass', 'requiredPassing', 'required', 'score', 'covered', 'total'],
);

export const RELEASE_QUALITY = closed(
  {
    releaseId: ID,
    documents: {
      type: 'array',
      items: closed(
        { importId: ID, fileName: STRING_OR_NULL, at: STRING, profiles: { type: 'array', items: PROFILE_RESULT } },
        ['importId', 'fileName', 'at', 'profiles'],
      ),
    },
    history: {
      type: 'array',
      items: closed(
        { importId: ID, fileName: STRING_OR_NULL, at: STRING, scores: { type: 'array', items: PROFILE_SCORE } },
        ['importId', 'fileName', 'at', 'scores'],
      ),
    },
  },
  ['releaseId', 'documents', 'history'],
);

export const QUALITY_ROUTES = {
  release: route({
    method: 'GET',
    path: '/api/releases/:id/quality',
    permission: 'read',
    tags: ['sbom quality'],
    summary: "SBOM quality profiles of a release's current documents, and a score per profile per import",
    params: ID_PARAMS,
    response: { 200: RELEASE_QUALITY },
  }),
} as const;

export type ReleaseQuality = Infer<typeof RELEASE_QUALITY>;
