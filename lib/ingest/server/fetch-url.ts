import 'server-only';
import type { LookupAddress } from 'node:dns';
import { lookup as dnsLookup } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import ipaddr from 'ipaddr.js';
import { IngestInputError, MAX_INPUT_BYTES } from '../errors';
import type { FetchedDocument, Fetcher } from '../runner';

/**
 * Server-side URL fetching that cannot be turned against the server's own network (SSRF): only
 * http(s) on the default ports, every address a name resolves to must be public unicast (checked
 * in the socket's own lookup, so a DNS answer cannot change between the check and the connection),
 * at most a few redirects (each re-checked), a bounded body and a bounded time.
 */
export interface FetchPolicy {
  maxBytes: number;
  timeoutMs: number;
  maxRedirects: number;
  /** Which addresses may be connected to. Default: public unicast only. Tests widen it to loopback. */
  allowAddress: (address: string) => boolean;
  /** Ports allowed besides 80/443 (tests use an ephemeral one). */
  extraPorts?: number[];
}

export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  let ip = ipaddr.parse(address);
  if (ip.kind() === 'ipv6' && (ip as ipaddr.IPv6).isIPv4MappedAddress()) ip = (ip as ipaddr.IPv6).toIPv4Address();
  return ip.range() === 'unicast';
}

export const DEFAULT_POLICY: FetchPolicy = { maxBytes: MAX_INPUT_BYTES, timeoutMs: 10_000, maxRedirects: 3, allowAddress: isPublicAddress };

export function makeUrlFetcher(policy: FetchPolicy = DEFAULT_POLICY): Fetcher {
  return (url) => fetchUrl(url, policy);
}

export async function fetchUrl(raw: string, policy: FetchPolicy = DEFAULT_POLICY): Promise<FetchedDocument> {
  const deadline = Date.now() + policy.timeoutMs;
  let url = parseUrl(raw, policy);
  for (let hop = 0; ; hop++) {
    const res = await requestOnce(url, policy, deadline);
    if (res.redirect) {
      if (hop >= policy.maxRedirects) throw new IngestInputError('too_many_redirects', `The URL redirected more than ${policy.maxRedirects} times.`);
      url = parseUrl(new URL(res.redirect, url).toString(), policy);
      continue;
    }
    return { bytes: res.body!, contentType: res.contentType, finalUrl: url.toString() };
  }
}

function parseUrl(raw: string, policy: FetchPolicy): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new IngestInputError('url_refused', 'That is not a URL (it should start with https:// or http://).');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new IngestInputError('url_refused', `Only http and https URLs can be fetched, not ${url.protocol}`);
  if (url.username || url.password) throw new IngestInputError('url_refused', 'URLs with credentials are refused.');
  const port = url.port ? Number(url.port) : null;
  if (port !== null && port !== 80 && port !== 443 && !(policy.extraPorts ?? []).includes(port)) {
    throw new IngestInputError('url_refused', `Port ${port} is refused: only the standard web ports are fetched.`);
  }
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (ipaddr.isValid(host) && !policy.allowAddress(host)) {
    throw new IngestInputError('url_refused', `The address ${host} is private, loopback or otherwise not public: it is not fetched.`);
  }
  if (/^(localhost|.*\.localhost|.*\.local|.*\.internal)$/i.test(host) && !policy.allowAddress('127.0.0.1')) {
    throw new IngestInputError('url_refused', `${host} is a local name: it is not fetched.`);
  }
  return url;
}

interface Once {
  redirect?: string;
  body?: Uint8Array;
  contentType: string | null;
}

function requestOnce(url: URL, policy: FetchPolicy, deadline: number): Promise<Once> {
  return new Promise((resolve, reject) => {
    const remaining = deadline - Date.now();
    if (remaining <= 0) return reject(new IngestInputError('timeout', `The URL did not answer within ${policy.timeoutMs / 1000} s.`));
    const guardedLookup = (hostname: string, options: object, cb: (err: Error | null, address: string | LookupAddress[], family?: number) => void) => {
      dnsLookup(hostname, { ...options, all: true }, (err, addresses: LookupAddress[]) => {
        if (err) return cb(new IngestInputError('url_failed', `The name ${hostname} could not be resolved.`), '', 0);
        const bad = addresses.find((a) => !policy.allowAddress(a.address));
        if (bad || addresses.length === 0) {
          return cb(new IngestInputError('url_refused', `${hostname} resolves to ${bad?.address ?? 'nothing'}, which is private, loopback or otherwise not public: it is not fetched.`), '', 0);
        }
        const all = (options as { all?: boolean }).all;
        if (all) cb(null, addresses);
        else cb(null, addresses[0]!.address, addresses[0]!.family);
      });
    };
    const mod = url.protocol === 'https:' ? https : http;
    const req = mod.request(
      url,
      { method: 'GET', lookup: guardedLookup as never, headers: { 'user-agent': 'Timeweave-ingest/1 (+article reader)', accept: 'text/html,text/plain;q=0.9,*/*;q=0.1' } },
      (res) => {
        const status = res.statusCode ?? 0;
        if (status >= 300 && status < 400 && res.headers.location) {
          res.resume();
          return resolve({ redirect: res.headers.location, contentType: null });
        }
        if (status < 200 || status >= 300) {
          res.resume();
          return reject(new IngestInputError('url_failed', `The URL answered HTTP ${status}.`));
        }
        const declared = Number(res.headers['content-length'] ?? 0);
        if (declared > policy.maxBytes) {
          res.destroy();
          return reject(new IngestInputError('too_large', `The page is ${declared} bytes; the limit is ${policy.maxBytes}.`));
        }
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (c: Buffer) => {
          size += c.length;
          if (size > policy.maxBytes) {
            res.destroy();
            reject(new IngestInputError('too_large', `The page is larger than the limit of ${policy.maxBytes} bytes.`));
          } else chunks.push(c);
        });
        res.on('end', () => resolve({ body: new Uint8Array(Buffer.concat(chunks)), contentType: (res.headers['content-type'] as string | undefined) ?? null }));
        res.on('error', (e) => reject(e instanceof IngestInputError ? e : new IngestInputError('url_failed', `Reading the page failed: ${e.message}`)));
      },
    );
    req.setTimeout(remaining, () => req.destroy(new IngestInputError('timeout', `The URL did not answer within ${policy.timeoutMs / 1000} s.`)));
    req.on('error', (e) => reject(e instanceof IngestInputError ? e : (e as { cause?: unknown }).cause instanceof IngestInputError ? (e as { cause: IngestInputError }).cause : new IngestInputError('url_failed', `The URL could not be fetched: ${e.message}`)));
    req.end();
  });
}
