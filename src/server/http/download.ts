import { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import { eventLoopTurn } from '../../io/event-loop-turn.js';

export interface Download {
  content: string | Buffer | Readable;
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

/** Pieces of text gathered into writes of about this many characters (not one write per piece). */
const STREAM_BATCH = 64 * 1024;
/** Characters written between two turns of the event loop. */
const TURN_EVERY = 1024 * 1024;

/**
 * A document rendered piece by piece (SARIF, JUnit, the exports) as a stream: each batch is produced
 * when the socket takes it, so a large export is never held whole (chunked transfer, no
 * Content-Length). A socket that takes every write at once (a client on the same machine) would
 * otherwise have the whole document rendered in one run of callbacks that lets no other request in
 * (77 MB of SARIF: /health unanswered for 1.6 s), so the event loop turns after each megabyte.
 */
export function streamOf(chunks: Iterable<string>): Readable {
  async function* batches(): AsyncGenerator<string> {
    let pending = '';
    let sinceTurn = 0;
    for (const chunk of chunks) {
      pending += chunk;
      if (pending.length >= STREAM_BATCH) {
        yield pending;
        sinceTurn += pending.length;
        pending = '';
        if (sinceTurn >= TURN_EVERY) {
          sinceTurn = 0;
          await eventLoopTurn();
        }
      }
    }
    if (pending) yield pending;
  }
  return Readable.from(batches(), { objectMode: false, encoding: 'utf8' });
}

/** The part after the last slash or backslash; a name left empty or all dots is `download`. */
function baseName(fileName: string): string {
  const last = fileName.split(/[\\/]/).pop()!.trim();
  return /^\.*$/.test(last) ? 'download' : last;
}
