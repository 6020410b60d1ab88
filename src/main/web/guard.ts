import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const SESSION_COOKIE = 'stockroom_session';

export type GuardVerdict =
  | { ok: true }
  | { ok: false; status: 400 | 401 | 403 | 415; reason: string };

/**
 * The browser-mode guard (GUIDE §2): loopback Host only (DNS rebinding), same Origin only (CSRF),
 * a per-launch secret carried by an HttpOnly SameSite=Strict cookie.
 */
export interface Guard {
  readonly launchToken: string;
  setPort(port: number): void;
  checkHost(req: IncomingMessage): GuardVerdict;
  checkOrigin(req: IncomingMessage): GuardVerdict;
  checkSession(req: IncomingMessage): GuardVerdict;
  tokenMatches(candidate: string | null): boolean;
  sessionCookie(): string;
}

export function createGuard(launchToken = randomBytes(32).toString('base64url')): Guard {
  let allowedHosts = new Set<string>();
  let allowedOrigins = new Set<string>();

  const tokenMatches = (candidate: string | null): boolean => {
    if (!candidate) return false;
    const a = Buffer.from(candidate);
    const b = Buffer.from(launchToken);
    return a.length === b.length && timingSafeEqual(a, b);
  };

  return {
    launchToken,
    setPort(port) {
      allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
      allowedOrigins = new Set([...allowedHosts].map((h) => `http://${h}`));
    },
    checkHost(req) {
      const host = (req.headers.host ?? '').toLowerCase();
      return allowedHosts.has(host) ? { ok: true } : { ok: false, status: 403, reason: 'Host not allowed' };
    },
    checkOrigin(req) {
      const origin = req.headers.origin;
      if (origin === undefined) return { ok: true };
      return allowedOrigins.has(origin.toLowerCase()) ? { ok: true } : { ok: false, status: 403, reason: 'Origin not allowed' };
    },
    checkSession(req) {
      return tokenMatches(readCookie(req.headers.cookie, SESSION_COOKIE))
        ? { ok: true }
        : { ok: false, status: 401, reason: 'Missing or wrong session: open the URL Stockroom printed at start.' };
    },
    tokenMatches,
    sessionCookie() {
      return `${SESSION_COOKIE}=${launchToken}; HttpOnly; SameSite=Strict; Path=/`;
    },
  };
}

export function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}
