// The one place the UI talks HTTP: bearer token, JSON bodies, and the API's error table
// (`{ error: { code, message } }`) turned into an ApiError the views can show.

const TOKEN_KEY = 'vigie.token';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export function storedToken(): string | null {
  return sessionStorage.getItem(TOKEN_KEY);
}

export function storeToken(token: string | null): void {
  if (token === null) sessionStorage.removeItem(TOKEN_KEY);
  else sessionStorage.setItem(TOKEN_KEY, token);
}

function authHeaders(): Record<string, string> {
  const token = storedToken();
  return token ? { authorization: `Bearer ${token}` } : {};
}

async function errorFrom(response: Response): Promise<ApiError> {
  let code = `http-${response.status}`;
  let message = response.statusText || 'Request failed';
  try {
    const body = (await response.json()) as { error?: { code?: string; message?: string } };
    if (body.error?.code) code = body.error.code;
    if (body.error?.message) message = body.error.message;
  } catch {
    // a body that is not the error table keeps the status text
  }
  return new ApiError(response.status, code, message);
}

export type Query = Record<string, string | number | boolean | null | undefined>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

export async function request<T>(method: string, path: string, body?: unknown, query?: Query): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', ...authHeaders() };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(withQuery(path, query), {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw await errorFrom(response);
  if (response.status === 204) return undefined as T;
  const type = response.headers.get('content-type') ?? '';
  const result: unknown = type.includes('json') ? await response.json() : await response.text();
  if (method === 'GET' && Array.isArray(result)) return (await withFollowingPages(result, response)) as T;
  return result as T;
}

/** List routes are paged (Link: <…>; rel="next"); the views want the whole list, so the pages are joined. */
async function withFollowingPages(first: unknown[], response: Response): Promise<unknown[]> {
  const items = [...first];
  let next = nextPage(response);
  while (next) {
    const page = await fetch(next, { headers: { accept: 'application/json', ...authHeaders() } });
    if (!page.ok) throw await errorFrom(page);
    items.push(...((await page.json()) as unknown[]));
    next = nextPage(page);
  }
  return items;
}

function nextPage(response: Response): string | null {
  return /<([^>]+)>;\s*rel="next"/.exec(response.headers.get('link') ?? '')?.[1] ?? null;
}

export const get = <T>(path: string, query?: Query) => request<T>('GET', path, undefined, query);
export const post = <T>(path: string, body?: unknown) => request<T>('POST', path, body ?? {});
export const put = <T>(path: string, body?: unknown) => request<T>('PUT', path, body ?? {});
export const patch = <T>(path: string, body?: unknown) => request<T>('PATCH', path, body ?? {});
export const del = <T>(path: string, query?: Query) => request<T>('DELETE', path, undefined, query);

/** Fetches a file with the token and hands it to the browser as a download. */
export async function download(path: string, fallbackName: string): Promise<void> {
  const response = await fetch(path, { headers: authHeaders() });
  if (!response.ok) throw await errorFrom(response);
  const disposition = response.headers.get('content-disposition') ?? '';
  const name = /filename="?([^";]+)"?/.exec(disposition)?.[1] ?? fallbackName;
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

// eslint-disable-next-line no-restricted-syntax -- the browser's upload progress, not an API shape
export interface UploadProgress {
  loaded: number;
  total: number;
}

/**
 * Uploads with XMLHttpRequest rather than fetch because only XHR reports upload progress, which a
 * 100 MB SBOM needs.
 */
export function upload<T>(
  path: string,
  body: Blob | FormData,
  onProgress: (p: UploadProgress) => void,
  contentType?: string,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    const token = storedToken();
    if (token) xhr.setRequestHeader('authorization', `Bearer ${token}`);
    xhr.setRequestHeader('accept', 'application/json');
    if (body instanceof Blob) xhr.setRequestHeader('content-type', contentType ?? 'application/octet-stream');
    xhr.upload.onprogress = (event) =>
      onProgress({ loaded: event.loaded, total: event.lengthComputable ? event.total : 0 });
    xhr.onerror = () => reject(new ApiError(0, 'network', 'The upload could not reach the server'));
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        body = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) return resolve(body as T);
      const error = (body as { error?: { code?: string; message?: string } } | null)?.error;
      reject(new ApiError(xhr.status, error?.code ?? `http-${xhr.status}`, error?.message ?? xhr.statusText));
    };
    xhr.send(body);
  });
}
