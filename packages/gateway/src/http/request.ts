import type { IncomingMessage } from 'node:http';
import { parse as parseCookie, serialize as serializeCookie } from 'cookie';

/** The client IP: the socket's, or the one `hops` trusted proxies (traefik) put in X-Forwarded-For. */
export function clientIp(req: IncomingMessage, trustedHops: number): string {
  const socketIp = req.socket.remoteAddress ?? 'unknown';
  if (trustedHops <= 0) return socketIp;
  const header = req.headers['x-forwarded-for'];
  const list = (Array.isArray(header) ? header.join(',') : (header ?? ''))
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return list[list.length - trustedHops] ?? list[0] ?? socketIp;
}

/** `fr` or `en` from Accept-Language; null when neither is asked for. */
export function requestedLanguage(req: IncomingMessage): 'fr' | 'en' | null {
  const header = req.headers['accept-language'];
  if (!header) return null;
  for (const part of header.split(',')) {
    const tag = part.split(';')[0]?.trim().toLowerCase() ?? '';
    if (tag.startsWith('fr')) return 'fr';
    if (tag.startsWith('en')) return 'en';
  }
  return null;
}

export function readCookie(req: IncomingMessage, name: string): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  return parseCookie(header)[name];
}

/**
 * What follows `Authorization: Bearer`, possibly empty or malformed (the caller refuses it
 * then); undefined without a Bearer header. Other schemes are not the portal's (a proxy's
 * Basic authentication in front of a staging portal) and are ignored.
 */
export function bearerToken(req: IncomingMessage): string | undefined {
  const header = req.headers.authorization;
  const match = header ? /^\s*Bearer(?:\s+(.*))?$/i.exec(header) : null;
  return match ? (match[1] ?? '').trim() : undefined;
}

export function isHttps(req: IncomingMessage, trustedHops: number): boolean {
  if ((req.socket as { encrypted?: boolean }).encrypted) return true;
  return (
    trustedHops > 0 &&
    String(req.headers['x-forwarded-proto'] ?? '')
      .split(',')[0]
      ?.trim() === 'https'
  );
}

/** The session cookie: HttpOnly, SameSite=Lax, Secure over HTTPS; 30 days like Tryton's web sessions. */
export function sessionCookie(name: string, value: string | null, secure: boolean): string {
  return serializeCookie(name, value ?? '', {
    httpOnly: true,
    sameSite: 'lax',
    secure,
    path: '/',
    maxAge: value ? 30 * 24 * 60 * 60 : 0,
  });
}

/** Reads a JSON body of at most `limit` bytes. */
export async function readJsonBody(req: IncomingMessage, limit: number): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new RangeError('body too large');
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? JSON.parse(text) : {};
}
