import type { FastifyReply } from 'fastify';

export interface Download {
  content: string | Buffer;
  mediaType: string;
  fileName: string;
}

/** Sends a document as an attachment (never rendered inline), with an ASCII and a UTF-8 file name. */
export function sendDownload(reply: FastifyReply, output: Download): FastifyReply {
  const ascii = output.fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return reply
    .type(output.mediaType)
    .header(
      'content-disposition',
      `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(output.fileName)}`,
    )
    .send(output.content);
}
