import type { FastifyInstance } from 'fastify';

/**
 * The UI is one built bundle served from this origin: scripts, styles, fonts and API calls all come
 * from 'self' (the favicon is a data: URL). Nothing may frame Vigie (clickjacking), no plugin runs.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Sent on every response, errors and static files included. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

/**
 * API answers carry tokens, portfolio data and downloads that belong to one caller: no shared or
 * browser cache may keep them (token creation returns a secret; /api/me says who holds a token).
 */
const NO_STORE = 'no-store';

export function installSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) reply.header(name, value);
    const path = request.url.split('?')[0] ?? '';
    if (path === '/api' || path.startsWith('/api/')) reply.header('cache-control', NO_STORE);
    return payload;
  });
}
