import type { FastifyInstance } from 'fastify';
import type { Store } from '../../services/store-door.js';

/** What every resource plugin receives. */
export interface ResourceOptions {
  store: Store;
  uploadLimit: number;
}

export type ResourcePlugin = (app: FastifyInstance, options: ResourceOptions) => Promise<void>;
