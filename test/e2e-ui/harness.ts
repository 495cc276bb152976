/**
 * What the browser tests share: the real server in-process on a free loopback port with a temp
 * SQLite store seeded with the demo portfolio, and Debian's chromium driven by playwright-core
 * (never a downloaded browser), with a fresh profile per run.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { openStore, type Store } from '../../src/store/index.js';
import { buildServer, type VigieServer } from '../../src/server/index.js';
import { seedDemoPortfolio, webBuildIsStale } from '../../src/demo/index.js';
import { createToken } from '../../src/services/index.js';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SCREENSHOTS = join(ROOT, 'test-output', 'screenshots');
export const CHROMIUM = '/usr/bin/chromium';

export interface App {
  url: string;
  store: Store;
  officerToken: string;
  guestToken: string;
  releaseIds: Map<string, number>;
  close(): Promise<void>;
}

export function buildWebIfStale(): void {
  if (!webBuildIsStale(join(ROOT, 'web'))) return;
  const vite = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  const result = spawnSync(
    process.execPath,
    [vite, 'build', '--config', join(ROOT, 'web', 'vite.config.ts'), '--logLevel', 'error'],
    {
      cwd: ROOT,
      encoding: 'utf8',
    },
  );
  if (result.status !== 0) throw new Error(`web build failed: ${result.stderr || result.stdout}`);
}

export async function startApp(): Promise<App> {
  buildWebIfStale();
  const dir = mkdtempSync(join(tmpdir(), 'vigie-e2e-'));
  const store = await openStore({ sqlitePath: join(dir, 'vigie.db') });
  const seeded = await seedDemoPortfolio(store, { projectRoot: ROOT, dataDir: join(ROOT, 'data', 'demo') });
  const officer = await createToken(store, { name: 'Olivia Officer', role: 'compliance-officer' });
  const guest = await createToken(store, { name: 'Gus Guest', role: 'guest' });
  const server: VigieServer = await buildServer({ store, webRoot: join(ROOT, 'web', 'dist') });
  const url = await server.listen({ port: 0, host: '127.0.0.1' });
  return {
    url,
    store,
    officerToken: officer.secret,
    guestToken: guest.secret,
    releaseIds: new Map(seeded.map((s) => [`${s.product} ${s.release}`, s.releaseId])),
    async close() {
      await server.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface Browser {
  context: BrowserContext;
  /** Console errors and uncaught page errors seen so far, in every page. */
  errors: string[];
  close(): Promise<void>;
}

export async function launchBrowser(): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'vigie-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    acceptDownloads: true,
    viewport: { width: 1280, height: 900 },
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const errors: string[] = [];
  const watch = (page: Page) => {
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`${page.url()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`));
  };
  context.pages().forEach(watch);
  context.on('page', watch);
  return {
    context,
    errors,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** The app (demo portfolio) and Chromium for one test file, with what closes both. */
export async function startBrowserSession(): Promise<{
  app: App;
  browser: Browser;
  page: Page;
  close: () => Promise<void>;
}> {
  const app = await startApp();
  const browser = await launchBrowser();
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  return {
    app,
    browser,
    page,
    close: async () => {
      await browser.close();
      await app.close();
    },
  };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** Signs in through the login form, as a user would. */
export async function logIn(page: Page, url: string, token: string): Promise<void> {
  await page.goto(url);
  await page.getByLabel('API token').fill(token);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
}
