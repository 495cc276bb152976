import type { FastifyReply } from 'fastify';
import type { RenderedOutput } from '../../services/index.js';

/** Sends a rendered document as a download named after the release. */
export function sendDownload(reply: FastifyReply, output: RenderedOutput): FastifyReply {
  const ascii = output.fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return reply
    .type(output.mediaType)
    .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(output.fileName)}`)
    .send(output.content);
}
