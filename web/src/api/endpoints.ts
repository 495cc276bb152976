// Every REST route the UI calls, one function each, so that a route change is a one-line edit.
import { ApiError, del, download, get, patch, post, put, upload, withQuery, type UploadProgress } from './client.js';
import { joinedPages } from './joined-pages.js';
import { asList, asObject } from './normalise.js';
import type {
  Job,
  Blocker,
  Category,
  ComponentUsage,
  Decision,
  NewDecisionBody,
  LicenseReleaseUse,
  PortfolioRelease,
  ReleaseSignOff,
  ChangeRecord,
  ExploitationRule,
  ExploitationRuleInput,
  ImportOutcome,
  ImportRecord,
  LicenseCount,
  BomSource,
  Compatibility,
  DashboardSummary,
  HermineDiffResult,
  LicenseDetail,
  LicensePolicy,
  LicenseSummary,
  ReleaseDocument,
  ReleaseObligations,
  Me,
  Product,
  Release,
  ReleaseDiff,
  ReleaseHit,
  ReleaseUsage,
  ReleaseValidation,
  Usage,
  UsageEdit,
} from './types.js';

export const api = {
  me: () => get<Me>('/api/me'),

  categories: async () => asList<Category>(await get('/api/categories'), 'categories'),
  createCategory: (input: { name: string; description?: string | null; outboundLicenses?: string[] }) =>
    post<Category>('/api/categories', { description: null, outboundLicenses: [], ...input }),

  products: async () => asList<Product>(await get('/api/products'), 'products'),
  product: async (id: number) => asObject<Product>(await get(`/api/products/${id}`), 'product'),
  createProduct: (input: {
    name: string;
    description?: string | null;
    owner?: string | null;
    categoryIds?: number[];
    outboundLicenses?: string[];
  }) => post<Product>('/api/products', input),

  releases: async (productId?: number) =>
    asList<Release>(
      await get(productId === undefined ? '/api/releases' : `/api/products/${productId}/releases`),
      'releases',
    ),
  release: async (id: number) => asObject<Release>(await get(`/api/releases/${id}`), 'release'),
  /** Records that the reader opened the release (the dashboard's "consulted last"); reads never write. */
  recordReleaseView: (id: number) => post<unknown>(`/api/releases/${id}/views`, {}),
  createRelease: (productId: number, input: { number: string; outboundLicenses?: string[]; commit?: string | null }) =>
    post<Release>(`/api/products/${productId}/releases`, input),
  updateRelease: (id: number, input: Partial<Pick<Release, 'shipStatus' | 'outboundLicenses' | 'commit'>>) =>
    patch<Release>(`/api/releases/${id}`, input),
  dashboard: () => get<DashboardSummary>('/api/dashboard'),

  /** The BOM rows; falls back to the BOM CSV download while the API has no usages route. */
  usages: async (releaseId: number): Promise<BomSource> => {
    try {
      return { usages: asList<ReleaseUsage>(await get(`/api/releases/${releaseId}/usages`), 'usages') };
    } catch (err) {
      if (!(err instanceof ApiError && err.status === 404)) throw err;
      return { csv: await get<string>(`/api/releases/${releaseId}/bom.csv`) };
    }
  },
  /** Records linking, modification, status or description of one usage; the server records a new validation run. */
  updateUsage: (releaseId: number, usageId: number, edit: UsageEdit) =>
    patch<Usage>(`/api/releases/${releaseId}/usages/${usageId}`, edit),
  /** The newest validation: each step with its first blockers and its whole count (`blockerCount`). */
  validation: async (releaseId: number) =>
    asObject<ReleaseValidation>(await get(`/api/releases/${releaseId}/validation`), 'validation'),
  /** A page of one step's blockers (`kind`: comma-separated kinds to keep). */
  stepBlockers: async (releaseId: number, step: number, page: { offset?: number; limit?: number; kind?: string }) =>
    asList<Blocker>(await get(`/api/releases/${releaseId}/validation/steps/${step}/blockers`, page), 'blockers'),
  obligations: (releaseId: number) => get<ReleaseObligations>(`/api/releases/${releaseId}/obligations`),

  exploitationRules: async (releaseId: number) =>
    asList<ExploitationRule>(await get(`/api/releases/${releaseId}/exploitation-rules`), 'rules'),
  setExploitationRule: (releaseId: number, input: ExploitationRuleInput) =>
    post<ExploitationRule>(`/api/releases/${releaseId}/exploitation-rules`, input),
  deleteExploitationRule: (releaseId: number, ruleId: number) =>
    del<void>(`/api/releases/${releaseId}/exploitation-rules/${ruleId}`),

  imports: async (releaseId: number) =>
    asList<ImportRecord>(await get(`/api/releases/${releaseId}/imports`), 'imports'),
  /** The file goes as the raw body (streamed by the browser), its name in the query. */
  importDocument: (
    releaseId: number,
    file: File,
    options: { mode: string; policy: string; acceptErrors?: boolean },
    onProgress: (p: UploadProgress) => void,
  ) =>
    upload<ImportOutcome>(
      withQuery(`/api/releases/${releaseId}/imports`, { ...options, fileName: file.name }),
      file,
      onProgress,
    ),
  /** The same upload run as a job by a worker: answers with the job at once (202). */
  /** Into the release named by product and number, creating them when missing (issue 8 item 16). */
  importDocumentCreating: (
    target: { product: string; release: string },
    file: File,
    options: { mode: string; policy: string; acceptErrors?: boolean },
    onProgress: (p: UploadProgress) => void,
  ) =>
    upload<ImportOutcome>(
      withQuery('/api/imports', { ...target, ...options, create: 'true', fileName: file.name }),
      file,
      onProgress,
    ),

  importDocumentInBackground: (
    releaseId: number,
    file: File,
    options: { mode: string; policy: string; acceptErrors?: boolean },
    onProgress: (p: UploadProgress) => void,
  ) =>
    upload<Job>(
      withQuery(`/api/releases/${releaseId}/imports`, { ...options, fileName: file.name, background: 'true' }),
      file,
      onProgress,
    ),
  job: (id: number) => get<Job>(`/api/jobs/${id}`),

  decisions: async (type?: string) => asList<Decision>(await get('/api/decisions', { type }), 'decisions'),
  recordDecision: (decision: NewDecisionBody) => post<Decision>('/api/decisions', decision),
  deleteDecision: (id: number) => del<void>(`/api/decisions/${id}`),
  resetDecisions: (filter: { type?: string }) => del<{ deleted: number }>('/api/decisions', filter),

  licenses: () => get<LicenseSummary[]>('/api/licenses'),
  license: (id: string) => get<LicenseDetail>(`/api/licenses/${encodeURIComponent(id)}`),
  setPolicy: ({ license, ...policy }: LicensePolicy) =>
    put<LicensePolicy>(`/api/licenses/${encodeURIComponent(license)}/policy`, policy),
  compatibility: (query: { inbound: string; outbound: string; linking: string; exploitation: string }) =>
    get<Compatibility>('/api/licenses/compatibility', query),
  hermineDiff: (file: File, onProgress: (p: UploadProgress) => void) =>
    upload<HermineDiffResult>('/api/knowledge-base/diff', file, onProgress, 'application/json'),

  componentUsage: (component: string) => get<ComponentUsage>('/api/components/usage', { component }),
  licenseReleases: async (license: string) =>
    asList<LicenseReleaseUse>(await get(`/api/licenses/${encodeURIComponent(license)}/releases`)),
  signOff: (releaseId: number) => get<ReleaseSignOff>(`/api/releases/${releaseId}/sign-off`),
  approveRelease: (releaseId: number, reason: string) =>
    post<ReleaseSignOff>(`/api/releases/${releaseId}/approval`, { reason }),
  shipRelease: (releaseId: number, reason: string) =>
    post<ReleaseSignOff>(`/api/releases/${releaseId}/ship`, reason ? { reason } : {}),
  history: (filter: { subject?: string; releaseId?: number } = {}) => get<ChangeRecord[]>('/api/history', filter),
  portfolioOverview: () => get<PortfolioRelease[]>('/api/portfolio/overview'),
  licenseDistribution: async (role: 'declared' | 'concluded' | 'chosen', releaseId?: number) =>
    asList<LicenseCount>(await get('/api/queries/license-distribution', { role, releaseId })),
  search: async (component: string, versionRange?: string) =>
    asList<ReleaseHit>(await get('/api/queries/releases-containing', { component, versionRange })),
  /** The whole diff: its four lists are paged together (`totals` says how long each is), so pages are joined. */
  diff: (fromId: number, toId: number) =>
    joinedPages<'added' | 'removed' | 'versionChanged' | 'choiceChanged', ReleaseDiff>(
      '/api/queries/diff',
      { from: fromId, to: toId },
      ['added', 'removed', 'versionChanged', 'choiceChanged'],
    ),

  /** Downloads one of the release's documents (NOTICE, BOM CSV, obligations, JUnit, SARIF, SBOM exports). */
  downloadDocument: (releaseId: number, document: ReleaseDocument) => {
    const [path, query, name] = DOCUMENT_ROUTES[document];
    return download(withQuery(`/api/releases/${releaseId}/${path}`, query), name);
  },
};

const DOCUMENT_ROUTES: Record<ReleaseDocument, [string, Record<string, string> | undefined, string]> = {
  'notice.txt': ['notice', { format: 'text' }, 'NOTICE'],
  'notice.md': ['notice', { format: 'md' }, 'NOTICE.md'],
  'notice.html': ['notice', { format: 'html' }, 'NOTICE.html'],
  'bom.csv': ['bom.csv', undefined, 'bom.csv'],
  'obligations.json': ['obligations/document', { format: 'json' }, 'obligations.json'],
  'obligations.md': ['obligations/document', { format: 'md' }, 'obligations.md'],
  'junit.xml': ['junit', undefined, 'junit.xml'],
  'sarif.json': ['sarif', undefined, 'sarif.json'],
  'cyclonedx.json': ['export', { format: 'cyclonedx-1.6' }, 'bom.cdx.json'],
  'spdx.json': ['export', { format: 'spdx-2.3' }, 'bom.spdx.json'],
};
