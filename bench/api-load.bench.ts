// Loopback load on the API's list routes: 4,000 GETs at concurrency 50 over keep-alive connections,
// rotating over /api/products, /api/releases, /api/licenses?limit=100, /api/releases/:id/usages (a
// 300-component release) and /api/decisions, through the whole server (auth, paging, headers,
// services, SQLite store). Baseline in the same run: a bare fastify app answering the same paths with
// the same JSON bytes, captured from Vigie first. p50/p99 latency and the error count are in the note;
// the time is the wall clock of the whole run, and the process's CPU time per request (server and
// client, the same client in both cases) is steadier than latency when the machine is shared.
// Bounded: a fixed request count and a 60 s cap.
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import type { BenchCase } from './case.js';
import { syntheticCycloneDx } from './synthetic-cyclonedx.js';
import { buildServer } from '../src/server/index.js';
import { createProduct, createRelease, createToken, importDocument, openStore } from '../src/services/index.js';

const REQUESTS = 4000;
const CONCURRENCY = 50;
const CAP_MS = 60_000;

interface Target {
  base: string;
  paths: string[];
  headers: Record<string, string>;
  close(): Promise<void>;
}

interface Load {
  latenciesMs: number[];
  errors: number;
  /** CPU time of this process (server and client) per request: steadier than latency on a busy machine. */
  cpuUsPerRequest: number;
}

async function startVigie(): Promise<Target & { bodies: Map<string, string> }> {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-load-'));
  const store = await openStore({ sqlitePath: join(dir, 'load.db') });
  const product = await createProduct(store, { name: 'Load' });
  const release = await createRelease(store, { productId: product.id, number: '1.0.0' });
  await importDocument(store, release.id, { content: syntheticCycloneDx(300), fileName: 'bom.json' });
  const { secret } = await createToken(store, { name: 'load', role: 'guest' });
  const app = await buildServer({ store, webRoot: null, logger: false });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  const headers = { authorization: `Bearer ${secret}` };
  const paths = [
    '/api/products',
    '/api/releases',
    '/api/licenses?limit=100',
    `/api/releases/${release.id}/usages`,
    '/api/decisions',
  ];
  const bodies = new Map<string, string>();
  for (const path of paths) {
    const res = await fetch(base + path, { headers });
    if (!res.ok) throw new Error(`${path}: ${res.status}`);
    bodies.set(path, await res.text());
  }
  return {
    base,
    paths,
    headers,
    bodies,
    async close() {
      await app.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * The same paths and bytes from a bare fastify route: what the framework alone costs here. The bytes
 * are encoded once, as Vigie's kept pages are (ADR 37), so neither side pays UTF-8 encoding per request.
 */
async function startBare(bodies: Map<string, string>): Promise<Target> {
  const app = Fastify({ logger: false });
  const bytes = new Map([...bodies].map(([path, body]) => [path, Buffer.from(body, 'utf8')]));
  app.get('/*', async (req, reply) => {
    const body = bytes.get(req.url);
    if (body === undefined) return reply.status(404).send({});
    return reply.type('application/json; charset=utf-8').send(body);
  });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  return { base, paths: [...bodies.keys()], headers: {}, close: () => app.close() };
}

function get(agent: Agent, url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent, headers }, (res) => {
      res.on('data', () => undefined);
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end();
  });
}

async function load(target: Target): Promise<Load> {
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const latenciesMs: number[] = [];
  let errors = 0;
  let next = 0;
  const deadline = performance.now() + CAP_MS;
  const cpuBefore = process.cpuUsage();
  const worker = async () => {
    while (next < REQUESTS && performance.now() < deadline) {
      const path = target.paths[next++ % target.paths.length]!;
      const started = performance.now();
      try {
        const status = await get(agent, target.base + path, target.headers);
        if (status !== 200) errors++;
      } catch {
        errors++;
      }
      latenciesMs.push(performance.now() - started);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const cpu = process.cpuUsage(cpuBefore);
  agent.destroy();
  return { latenciesMs, errors, cpuUsPerRequest: (cpu.user + cpu.system) / Math.max(1, latenciesMs.length) };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function summary(result: Load): string {
  const sorted = [...result.latenciesMs].sort((a, b) => a - b);
  return `${sorted.length} requests, p50 ${percentile(sorted, 50).toFixed(1)} ms, p99 ${percentile(sorted, 99).toFixed(1)} ms, ${result.errors} errors, CPU ${Math.round(result.cpuUsPerRequest)} µs/request`;
}

function loadCase(name: string, baseline: boolean): BenchCase {
  let result: Load | undefined;
  return {
    group: `API lists, concurrency ${CONCURRENCY}`,
    name,
    baseline,
    setup: async () => {
      const vigie = await startVigie();
      if (!baseline) return vigie;
      const bare = await startBare(vigie.bodies);
      await vigie.close();
      return bare;
    },
    run: async (prepared) => {
      result = await load(prepared as Target);
      return result.latenciesMs.length;
    },
    after: async (prepared) => {
      await (prepared as Target).close();
      if (!result) throw new Error('no load result');
      if (result.latenciesMs.length < REQUESTS)
        throw new Error(`only ${result.latenciesMs.length} requests within ${CAP_MS / 1000} s`);
      return summary(result);
    },
  };
}

export function cases(): BenchCase[] {
  return [loadCase('bare fastify, same JSON bytes', true), loadCase('vigie serve (auth, paging, store)', false)];
}
