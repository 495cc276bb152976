/**
 * The dashboard in one call: portfolio counts, releases consulted last, licences in use, policy
 * status, and the compliance actions still to carry out on releases past the policy step.
 */
import { releaseObligations } from '../compliance/index.js';
import type { Release } from '../model/portfolio.js';
import type { LicenseCount, Store, ValidationRunSummary } from '../store/index.js';
import { listDecisions } from './decisions.js';
import { listCategories, listProducts, listReleases } from './portfolio.js';
import { validatedRelease } from './validation-runs.js';
import { heldRunKey } from './held-run-details.js';

/** Step 5 is the policy step: from there on, the licences in use are settled enough to act on. */
export const POLICY_STEP = 5;
/** Each release is validated again to plan its obligations: keep the dashboard's cost bounded. */
export const OPEN_OBLIGATION_RELEASES = 20;
const RECENT_VIEWS = 10;

export interface OpenAction {
  /** Compliance action name, or `licence-specific: <licence>` for obligations with no action. */
  name: string;
  core: boolean;
  category: string | null;
  /** Usages of the release that trigger it. */
  usages: number;
  licenses: string[];
}

export interface ReleaseOpenObligations {
  release: Release;
  productName: string | null;
  actions: OpenAction[];
}

export interface DashboardSummary {
  counts: { categories: number; products: number; releases: number; decisions: number };
  recentReleases: { release: Release; productName: string | null; viewedAt: string; viewedBy: string | null }[];
  /** Usages per licence across the portfolio once decisions apply, from each release's newest validation run. */
  licenses: LicenseCount[];
  /** How many licences have each policy status. */
  policies: Record<string, number>;
  /** Newest releases first, at most OPEN_OBLIGATION_RELEASES of them. */
  openObligations: ReleaseOpenObligations[];
}

export async function dashboardSummary(store: Store): Promise<DashboardSummary> {
  const [categories, products, releases, decisions, views, latestRuns, policies] = await Promise.all([
    listCategories(store),
    listProducts(store),
    listReleases(store),
    listDecisions(store),
    store.listRecentReleaseViews(RECENT_VIEWS),
    store.latestValidationRuns(),
    store.listPolicies(),
  ]);
  const productNames = new Map(products.map((p) => [p.id, p.name]));
  const policyCounts: Record<string, number> = {};
  for (const p of policies) policyCounts[p.allowed] = (policyCounts[p.allowed] ?? 0) + 1;
  return {
    counts: {
      categories: categories.length,
      products: products.length,
      releases: releases.length,
      decisions: decisions.length,
    },
    recentReleases: views.map((v) => ({ ...v, productName: productNames.get(v.release.productId) ?? null })),
    licenses: effectiveLicenses(latestRuns),
    policies: policyCounts,
    openObligations: await openObligations(store, releases, productNames, latestRuns),
  };
}

function effectiveLicenses(latestRuns: readonly ValidationRunSummary[]): LicenseCount[] {
  const totals = new Map<string, number>();
  for (const run of latestRuns) {
    for (const [license, usages] of Object.entries(run.licenseCounts))
      totals.set(license, (totals.get(license) ?? 0) + usages);
  }
  return [...totals]
    .map(([license, usages]) => ({ license, usages }))
    .sort((a, b) => b.usages - a.usages || a.license.localeCompare(b.license));
}

/** A release's triggered actions as its validation run left them (the step it reached, and the actions). */
interface RunActions {
  step: number;
  actions: OpenAction[];
}

/** Runs whose actions are kept (a few dozen small objects each). */
const KEPT_RUNS = 200;
const keptActions = new Map<string, RunActions>();

/**
 * The compliance actions that usages trigger, release by release, for releases past the policy
 * step. Core actions nothing triggers are left out: they are in every plan and say nothing new.
 *
 * Working them out loads the release and its run's details (~3 s of work, in slices, for a
 * 50k-component release): they are kept by validation run, which never changes once stored, and
 * every change that bears on a release's actions records a new run (an import, a usage, an
 * exploitation rule, a decision, the policy or the knowledge base through a re-validation).
 */
async function openObligations(
  store: Store,
  releases: Release[],
  productNames: Map<number, string>,
  latestRuns: readonly ValidationRunSummary[],
): Promise<ReleaseOpenObligations[]> {
  const runOf = new Map(latestRuns.map((r) => [r.releaseId, r.id]));
  const candidates = releases
    .filter((r) => r.validationStep >= POLICY_STEP)
    .sort((a, b) => b.id - a.id)
    .slice(0, OPEN_OBLIGATION_RELEASES);
  const out: ReleaseOpenObligations[] = [];
  // One release at a time: each loads a whole BOM.
  for (const candidate of candidates) {
    const runId = runOf.get(candidate.id);
    const { step, actions } =
      (runId === undefined ? undefined : keptActions.get(heldRunKey(store, runId))) ??
      (await actionsOf(store, candidate.id));
    // The stored step may be stale (a decision withdrawn since): trust the run's.
    if (step < POLICY_STEP || actions.length === 0) continue;
    out.push({ release: candidate, productName: productNames.get(candidate.productId) ?? null, actions });
  }
  return out;
}

/** The release's triggered actions, worked out from its newest run (kept by that run). */
async function actionsOf(store: Store, releaseId: number): Promise<RunActions> {
  const { snapshot, validation } = await validatedRelease(store, releaseId);
  const step = validation.validationStep;
  const actions =
    step < POLICY_STEP
      ? []
      : releaseObligations(snapshot, validation.report)
          .groups.filter((g) => g.usages.length > 0)
          .map((g) => ({
            name: g.name,
            core: g.core,
            category: g.category,
            usages: g.usages.length,
            licenses: [...new Set(g.obligations.map((o) => o.license))].sort(),
          }));
  const found = { step, actions };
  if (validation.run) {
    if (keptActions.size >= KEPT_RUNS) keptActions.delete(keptActions.keys().next().value!);
    keptActions.set(heldRunKey(store, validation.run.id), found);
  }
  return found;
}
