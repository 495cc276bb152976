import type { FastifyInstance, FastifyReply, FastifyRequest, FastifySchema, RouteOptions } from 'fastify';
import type { BodyOf, ParamsOf, QueryOf, ResponseOf, RouteContract } from '../../api-contract/route.js';

/** The request a contract route receives, typed from its schemas. */
export type ContractRequest<R extends RouteContract> = FastifyRequest<{
  Params: ParamsOf<R>;
  Querystring: QueryOf<R>;
  Body: BodyOf<R>;
}>;

/**
 * What a handler may answer: the contract's response type (checked at compile time, so the server's
 * presenters and the UI's types cannot drift apart), or the reply it sent itself (a 201, a download).
 */
export type ContractAnswer<R extends RouteContract> = ResponseOf<R> | FastifyReply;

/**
 * Registers a route declared in src/api-contract (issue 8 item 13): method, path, permission and
 * schemas come from the declaration; only the handler is the server's. The path is the full one
 * (`/api/...`): the plugin's prefix is taken off.
 */
export function serve<R extends RouteContract>(
  app: FastifyInstance,
  contract: R,
  handler: (request: ContractRequest<R>, reply: FastifyReply) => Promise<ContractAnswer<R>>,
  /** Transport options the contract does not describe (an upload's body limit). */
  transport: Pick<RouteOptions, 'bodyLimit'> = {},
): void {
  const prefix = app.prefix;
  if (!contract.path.startsWith(prefix)) throw new Error(`route ${contract.path} registered under ${prefix}`);
  app.route({
    ...transport,
    method: contract.method,
    url: contract.path.slice(prefix.length),
    config: { permission: contract.permission },
    schema: fastifySchemaOf(contract),
    handler: handler as (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>,
  });
}

/** The declaration's schemas and documentation as fastify's route schema (what the catalogue records). */
export function fastifySchemaOf(contract: RouteContract): FastifySchema {
  const schema: Record<string, unknown> = { tags: [...contract.tags], summary: contract.summary };
  for (const key of ['description', 'params', 'querystring', 'body', 'response', 'consumes', 'produces'] as const) {
    const value = contract[key];
    if (value !== undefined) schema[key] = Array.isArray(value) ? [...(value as unknown[])] : value;
  }
  return schema as FastifySchema;
}
