import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { SECURITY_HEADERS } from '../http/security-headers.js';
import { ApiError } from './api-error.js';
import type { ErrorCode } from '../../api-contract/errors.js';

/**
 * Requests node's HTTP parser refuses before fastify sees them (headers too large, a malformed
 * request line, a request that never finishes): answered from the one error table on the raw socket,
 * never with fastify's own body shape.
 */
export function answerClientError(this: FastifyInstance, err: Error & { code?: string }, socket: Socket): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const code: ErrorCode =
    err.code === 'HPE_HEADER_OVERFLOW'
      ? 'header-too-large'
      : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? 'request-timeout'
        : 'validation-failed';
  const apiError = new ApiError(code, code === 'validation-failed' ? 'The HTTP request is malformed' : undefined);
  this.log.info({ code, parserError: err.code }, 'client error');
  if (socket.writable) {
    const body = JSON.stringify({ error: { code: apiError.code, message: apiError.message } });
    const headers = Object.entries({
      ...SECURITY_HEADERS,
      'content-type': 'application/json; charset=utf-8',
      'content-length': String(Buffer.byteLength(body)),
      connection: 'close',
    })
      .map(([name, value]) => `${name}: ${value}\r\n`)
      .join('');
    socket.write(`HTTP/1.1 ${apiError.status} ${STATUS_CODES[apiError.status]}\r\n${headers}\r\n${body}`);
  }
  socket.destroy();
}
