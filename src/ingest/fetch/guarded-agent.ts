// An undici connection pool whose DNS lookup refuses loopback, private and link-local addresses, so
// the check holds for every connection (including after a redirect or a DNS answer that changes).
import { lookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { isIP } from 'node:net';
import { Agent } from 'undici';
import { isPrivateAddress } from './private-address.ts';

type LookupCallback = (error: Error | null, address: string | LookupAddress[], family?: number) => void;

function refuse(hostname: string, address: string): Error {
  const what =
    hostname === address
      ? `${address} is a private address`
      : `${hostname} resolves to the private address ${address}`;
  return Object.assign(new Error(what), {
    code: 'ESITREP_PRIVATE',
  });
}

function guardedLookup(hostname: string, options: LookupOptions, callback: LookupCallback): void {
  lookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, []);
    const blocked = addresses.find((a) => isPrivateAddress(a.address));
    if (blocked) return callback(refuse(hostname, blocked.address), []);
    if (options.all) return callback(null, addresses);
    const first = addresses[0];
    if (!first)
      return callback(Object.assign(new Error(`${hostname}: no address`), { code: 'ENOTFOUND' }), []);
    callback(null, first.address, first.family);
  });
}

/** Throws for a URL whose host is written as a private IP (no lookup happens for those). */
export function assertPublicLiteral(url: URL): void {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host) && isPrivateAddress(host)) throw refuse(host, host);
}

export function createAgent(options: { allowPrivate: boolean; connectionsPerOrigin: number }): Agent {
  return new Agent({
    connections: options.connectionsPerOrigin,
    keepAliveTimeout: 10_000,
    connect: options.allowPrivate ? {} : { lookup: guardedLookup as never },
  });
}
