import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { IngestInputError } from '../../../lib/ingest/errors';
import { DEFAULT_POLICY, fetchUrl, isPublicAddress, type FetchPolicy } from '../../../lib/ingest/server/fetch-url';

const codeOf = async (p: Promise<unknown>): Promise<string> => {
  try {
    await p;
  } catch (e) {
    assert.ok(e instanceof IngestInputError, `expected an IngestInputError, got ${String(e)}`);
    return e.code;
  }
  assert.fail('no error was thrown');
};

describe('URL fetching refuses the server’s own network', () => {
  it('classifies addresses', () => {
    for (const a of ['127.0.0.1', '10.1.2.3', '172.16.0.1', '192.168.1.1', '169.254.169.254', '::1', 'fe80::1', 'fc00::1', '0.0.0.0', '100.64.0.1', '::ffff:127.0.0.1']) {
      assert.equal(isPublicAddress(a), false, a);
    }
    for (const a of ['93.184.216.34', '2606:2800:220:1:248:1893:25c8:1946']) assert.equal(isPublicAddress(a), true, a);
  });

  it('refuses private, loopback and link-local URLs before connecting, and non-web schemes', async () => {
    for (const url of ['http://127.0.0.1/', 'http://10.0.0.1/a', 'http://169.254.169.254/latest/meta-data', 'http://[::1]/', 'http://localhost/', 'https://printer.local/']) {
      assert.equal(await codeOf(fetchUrl(url, DEFAULT_POLICY)), 'url_refused', url);
    }
    assert.equal(await codeOf(fetchUrl('file:///etc/passwd')), 'url_refused');
    assert.equal(await codeOf(fetchUrl('http://example.org:8080/')), 'url_refused');
    assert.equal(await codeOf(fetchUrl('not a url')), 'url_refused');
  });

  describe('against a local test server (loopback allowed only for it)', () => {
    let server: http.Server;
    let port = 0;
    let policy: FetchPolicy;
    before(async () => {
      server = http.createServer((req, res) => {
        if (req.url === '/article') {
          res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
          res.end('<p>Le gouvernement a instauré mercredi un couvre-feu nocturne à Bamako.</p>');
        } else if (req.url === '/to-private') {
          // A public page that redirects to the cloud metadata address: the classic SSRF.
          res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data' });
          res.end();
        } else if (req.url === '/loop') {
          res.writeHead(302, { location: '/loop' });
          res.end();
        } else if (req.url === '/big') {
          res.writeHead(200, { 'content-type': 'text/html' });
          res.end('x'.repeat(4096));
        } else if (req.url === '/slow') {
          setTimeout(() => res.end('late'), 2000).unref();
        }
      });
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      port = (server.address() as AddressInfo).port;
      policy = { maxBytes: 1024, timeoutMs: 300, maxRedirects: 3, allowAddress: (a) => a === '127.0.0.1', extraPorts: [port] };
    });
    after(() => new Promise<void>((r) => server.close(() => r())));

    it('fetches an allowed page', async () => {
      const doc = await fetchUrl(`http://127.0.0.1:${port}/article`, policy);
      assert.match(new TextDecoder().decode(doc.bytes), /couvre-feu/);
      assert.match(doc.contentType ?? '', /text\/html/);
    });

    it('refuses a redirect to a private address', async () => {
      assert.equal(await codeOf(fetchUrl(`http://127.0.0.1:${port}/to-private`, policy)), 'url_refused');
    });

    it('stops after a few redirects, at a size limit and at a time limit', async () => {
      assert.equal(await codeOf(fetchUrl(`http://127.0.0.1:${port}/loop`, policy)), 'too_many_redirects');
      assert.equal(await codeOf(fetchUrl(`http://127.0.0.1:${port}/big`, policy)), 'too_large');
      assert.equal(await codeOf(fetchUrl(`http://127.0.0.1:${port}/slow`, policy)), 'timeout');
    });
  });
});
