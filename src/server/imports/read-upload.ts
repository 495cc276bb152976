import type { FastifyRequest } from 'fastify';
import { ApiError } from '../errors/api-error.js';

export interface Upload {
  content: Uint8Array;
  fileName: string | null;
  mediaType: string | null;
}

/**
 * The SBOM of an import request: the `file` part of a multipart form, or the raw body. Size limits
 * are enforced while the bytes arrive (fastify's bodyLimit, multipart's fileSize), so an oversized
 * upload is refused before anything reaches the store.
 */
export async function readUpload(
  request: FastifyRequest,
  limit: number,
  fileName: string | undefined,
): Promise<Upload> {
  if (request.isMultipart()) {
    const upload = await multipart(() => filePart(request, limit, fileName));
    if (!upload)
      throw new ApiError('validation-failed', 'The multipart form has no file part', [
        { field: 'body/file', message: 'is required' },
      ]);
    return upload;
  }
  const body = request.body;
  if (!(body instanceof Buffer))
    throw new ApiError('validation-failed', 'Send the SBOM as the request body or as a multipart "file" part');
  return { content: nonEmpty(body), fileName: fileName ?? null, mediaType: request.headers['content-type'] ?? null };
}

/**
 * The one `file` part of a multipart form. Other fields are read and ignored (bounded in number and
 * size); a file part under another name, or a second file, is refused rather than guessed at: which
 * of two documents the caller meant to import is not ours to choose.
 */
async function filePart(request: FastifyRequest, limit: number, fileName: string | undefined): Promise<Upload | null> {
  let upload: Upload | null = null;
  const parts = request.parts({ limits: { fileSize: limit, files: 2, fields: 32, fieldSize: 64 * 1024 } });
  for await (const part of parts) {
    if (part.type !== 'file') continue;
    if (part.fieldname !== 'file')
      throw new ApiError(
        'validation-failed',
        `The multipart form's file part is named "${part.fieldname}": send the SBOM as the "file" part`,
        [{ field: `body/${part.fieldname}`, message: 'is not the "file" part' }],
      );
    if (upload)
      throw new ApiError(
        'validation-failed',
        'The multipart form has more than one file part: send one document per import',
        [{ field: 'body/file', message: 'is given more than once' }],
      );
    const content = await part.toBuffer();
    upload = {
      content: nonEmpty(content),
      fileName: part.filename || fileName || null,
      mediaType: part.mimetype || null,
    };
  }
  return upload;
}

/**
 * Reads the multipart body. Limits keep their own codes (413); anything else the multipart parser
 * throws (no boundary, a broken part header, a form that ends early) is the client's malformed body.
 */
async function multipart<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (err) {
    if (err instanceof ApiError) throw err;
    const code = (err as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('FST_')) throw err;
    const reason = err instanceof Error ? err.message : String(err);
    throw new ApiError('validation-failed', `The multipart/form-data body is malformed: ${reason}`, [
      { field: 'body', message: reason },
    ]);
  }
}

function nonEmpty(content: Buffer): Uint8Array {
  if (content.length === 0)
    throw new ApiError('validation-failed', 'The uploaded document is empty', [{ field: 'body', message: 'is empty' }]);
  return content;
}
