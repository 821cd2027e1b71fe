import { isIP } from 'node:net';

/**
 * Which proxies in front of the service are believed about the client's address (`X-Forwarded-For`),
 * as Express's `trust proxy` setting takes it: a number of hops, `true` (every hop: only when the
 * service cannot be reached but through the proxy), `false` (none, the default: the address is the
 * socket's), or a list of proxy addresses and CIDR ranges, with Express's names `loopback`,
 * `linklocal` and `uniquelocal`.
 *
 * The login limits count per client address: behind a proxy without this setting, every user has
 * the proxy's address and shares one limit.
 */
export type TrustProxy = boolean | number | readonly string[];

export const TRUST_PROXY_NAMES = ['loopback', 'linklocal', 'uniquelocal'] as const;

export const TRUST_PROXY_MESSAGE =
  'must be a whole number of proxy hops, true, false, or a comma-separated list of proxy addresses, CIDR ranges ' +
  `(e.g. 10.0.0.0/8) and the names ${TRUST_PROXY_NAMES.join(', ')}`;

/** The setting `value` stands for; undefined when it is not one. */
export function parseTrustProxy(value: string): TrustProxy | undefined {
  const text = value.trim();
  if (/^\d{1,3}$/.test(text)) return Number(text);
  if (/^(true|false)$/i.test(text)) return text.toLowerCase() === 'true';
  const entries = text.split(',').map((entry) => entry.trim());
  return entries.every(isTrustEntry) ? entries : undefined;
}

function isTrustEntry(entry: string): boolean {
  if ((TRUST_PROXY_NAMES as readonly string[]).includes(entry)) return true;
  const [address, prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}
