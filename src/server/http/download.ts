import type { FastifyReply } from 'fastify';

export interface Download {
  content: string | Buffer;
  mediaType: string;
  fileName: string;
}

/** Sends a document as an attachment (never rendered inline), with an ASCII and a UTF-8 file name. */
export function sendDownload(reply: FastifyReply, output: Download): FastifyReply {
  // Only the name's last segment: a stored upload's name is what its uploader wrote (`../../etc/passwd`).
  const name = baseName(output.fileName);
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return reply
    .type(output.mediaType)
    .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`)
    .send(output.content);
}

/** The part after the last slash or backslash; a name left empty or all dots is `download`. */
function baseName(fileName: string): string {
  const last = fileName.split(/[\\/]/).pop()!.trim();
  return /^\.*$/.test(last) ? 'download' : last;
}
