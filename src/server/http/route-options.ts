import type { FastifyInstance } from 'fastify';
import type { Store } from '../../services/store-door.js';
import type { KeptPages } from './kept-pages.js';

/** What every resource plugin receives. */
export interface ResourceOptions {
  store: Store;
  uploadLimit: number;
  /** List pages kept while the store is unchanged (ADR 37), one cache per server. */
  keptPages: KeptPages;
}

export type ResourcePlugin = (app: FastifyInstance, options: ResourceOptions) => Promise<void>;
