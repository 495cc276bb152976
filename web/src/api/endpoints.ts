// Every REST route the UI calls, one function each, so that a route change is a one-line edit.
import { del, download, get, patch, post, put, upload, withQuery, type UploadProgress } from './client.js';
import { asList, asObject } from './normalise.js';
import type {
  Category,
  Decision,
  ExploitationRule,
  ImportOutcome,
  ImportRecord,
  LicenseCount,
  LicenseFacts,
  LicensePolicy,
  Me,
  ObligationGroup,
  Product,
  Release,
  ReleaseDiff,
  ReleaseHit,
  ReleaseUsage,
  ReleaseValidation,
  ReleaseView,
} from './types.js';

export const api = {
  me: async () => asObject<Me>(await get('/api/me'), 'token'),

  categories: async () => asList<Category>(await get('/api/categories'), 'categories'),
  createCategory: (input: { name: string; description?: string | null; outboundLicenses?: string[] }) =>
    post<Category>('/api/categories', { description: null, outboundLicenses: [], ...input }),

  products: async () => asList<Product>(await get('/api/products'), 'products'),
  product: async (id: number) => asObject<Product>(await get(`/api/products/${id}`), 'product'),
  createProduct: (input: { name: string; description?: string | null; owner?: string | null; categoryIds?: number[]; outboundLicenses?: string[] }) =>
    post<Product>('/api/products', input),

  releases: async (productId?: number) =>
    asList<Release>(await get(productId === undefined ? '/api/releases' : `/api/products/${productId}/releases`), 'releases'),
  release: async (id: number) => asObject<Release>(await get(`/api/releases/${id}`), 'release'),
  createRelease: (productId: number, input: { number: string; outboundLicenses?: string[]; commit?: string | null }) =>
    post<Release>(`/api/products/${productId}/releases`, input),
  updateRelease: (id: number, input: Partial<Pick<Release, 'shipStatus' | 'outboundLicenses' | 'commit'>>) =>
    patch<Release>(`/api/releases/${id}`, input),
  recentReleases: async () => asList<ReleaseView>(await get('/api/releases/recent'), 'views', 'releases'),

  usages: async (releaseId: number) => asList<ReleaseUsage>(await get(`/api/releases/${releaseId}/usages`), 'usages'),
  validation: async (releaseId: number) => asObject<ReleaseValidation>(await get(`/api/releases/${releaseId}/validation`), 'validation'),
  obligations: async (releaseId: number) => asList<ObligationGroup>(await get(`/api/releases/${releaseId}/obligations`), 'groups', 'actions', 'obligations'),

  exploitationRules: async (releaseId: number) => asList<ExploitationRule>(await get(`/api/releases/${releaseId}/exploitation-rules`), 'rules'),
  setExploitationRule: (releaseId: number, input: { scope: string | null; project: string | null; exploitation: string }) =>
    post<ExploitationRule>(`/api/releases/${releaseId}/exploitation-rules`, input),
  deleteExploitationRule: (releaseId: number, ruleId: number) => del<void>(`/api/releases/${releaseId}/exploitation-rules/${ruleId}`),

  imports: async (releaseId: number) => asList<ImportRecord>(await get(`/api/releases/${releaseId}/imports`), 'imports'),
  importDocument: (releaseId: number, file: File, options: { mode: string; policy: string }, onProgress: (p: UploadProgress) => void) => {
    const form = new FormData();
    form.append('mode', options.mode);
    form.append('policy', options.policy);
    form.append('file', file, file.name);
    return upload<ImportOutcome>(withQuery(`/api/releases/${releaseId}/imports`, options), form, onProgress);
  },

  decisions: async (type?: string) => asList<Decision>(await get('/api/decisions', { type }), 'decisions'),
  recordDecision: (decision: Record<string, unknown>) => post<Decision>('/api/decisions', decision),
  deleteDecision: (id: number) => del<void>(`/api/decisions/${id}`),
  resetDecisions: (type?: string) => del<{ deleted: number }>(withQuery('/api/decisions', { type })),

  licenses: async () => asList<LicenseFacts>(await get('/api/licenses'), 'licenses'),
  license: async (id: string) =>
    (await get(`/api/licenses/${encodeURIComponent(id)}`)) as {
      license?: LicenseFacts;
      facts?: LicenseFacts;
      policy?: LicensePolicy | null;
      obligations?: Array<{ name: string; passivity: string | null; exploitation: string | null; modification: string | null; action: string | null; clause?: string | null }>;
    } & Partial<LicenseFacts>,
  policies: async () => asList<LicensePolicy>(await get('/api/policies'), 'policies'),
  setPolicy: (policy: LicensePolicy) => put<LicensePolicy>(`/api/licenses/${encodeURIComponent(policy.license)}/policy`, policy),
  compatibility: (inbound: string, outbound: string) =>
    get<{ compatible: boolean | null; explanation?: string; reason?: string }>('/api/licenses/compatibility', { inbound, outbound }),
  herminieDiff: (file: File, onProgress: (p: UploadProgress) => void) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return upload<unknown>('/api/knowledge-base/diff', form, onProgress);
  },

  licenseDistribution: async (role: 'declared' | 'concluded' | 'chosen', releaseId?: number) =>
    asList<LicenseCount>(await get('/api/queries/license-distribution', { role, releaseId }), 'distribution', 'licenses'),
  search: async (component: string, versionRange?: string) =>
    asList<ReleaseHit>(await get('/api/queries/releases-containing', { component, versionRange }), 'hits', 'releases'),
  diff: async (fromId: number, toId: number) => asObject<ReleaseDiff>(await get('/api/queries/diff', { from: fromId, to: toId }), 'diff'),

  downloadNotice: (releaseId: number, format: 'text' | 'md' | 'html') =>
    download(withQuery(`/api/releases/${releaseId}/notice`, { format }), `NOTICE${format === 'text' ? '' : '.' + format}`),
  downloadCsv: (releaseId: number) => download(`/api/releases/${releaseId}/bom.csv`, 'bom.csv'),
  downloadJUnit: (releaseId: number) => download(`/api/releases/${releaseId}/junit`, 'validation.junit.xml'),
  downloadSbom: (releaseId: number, format: 'cyclonedx-1.6' | 'spdx-2.3') =>
    download(withQuery(`/api/releases/${releaseId}/export`, { format }), `release.${format}.json`),
};
