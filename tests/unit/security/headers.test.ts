import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { contentSecurityPolicy, parseEmbedOrigins, securityHeaders } from '../../../lib/security/headers';

const base = { nonce: 'abc123==', pathname: '/cases/x', dev: false, embedOrigins: '*' };
const directive = (csp: string, name: string) => csp.split('; ').find((d) => d.startsWith(`${name} `));

describe('security headers', () => {
  it('allows scripts only from this origin and with the nonce, never inline or eval in production', () => {
    const script = directive(contentSecurityPolicy(base), 'script-src')!;
    assert.match(script, /'nonce-abc123=='/);
    assert.doesNotMatch(script, /unsafe-inline|unsafe-eval/);
    assert.equal(directive(contentSecurityPolicy(base), 'object-src'), "object-src 'none'");
  });

  it('lets workers start only from this origin or a blob: the page itself made', () => {
    assert.equal(directive(contentSecurityPolicy(base), 'worker-src'), "worker-src 'self' blob:");
  });

  it("lets only Next's dev server eval (React Refresh)", () => {
    assert.match(directive(contentSecurityPolicy({ ...base, dev: true }), 'script-src')!, /'unsafe-eval'/);
  });

  it('refuses framing of pages by other sites, allows it for embeds from the configured origins', () => {
    assert.equal(directive(contentSecurityPolicy(base), 'frame-ancestors'), "frame-ancestors 'self'");
    assert.equal(securityHeaders(base)['X-Frame-Options'], 'SAMEORIGIN');
    const embed = { ...base, pathname: '/embed/cases/x', embedOrigins: 'https://news.example' };
    assert.equal(directive(contentSecurityPolicy(embed), 'frame-ancestors'), 'frame-ancestors https://news.example');
    assert.equal(securityHeaders(embed)['X-Frame-Options'], undefined);
  });

  it('keeps only well-formed embed origins, so configuration cannot inject directives', () => {
    assert.equal(parseEmbedOrigins(undefined), '*');
    assert.equal(parseEmbedOrigins('https://a.example, http://b.example:8080'), 'https://a.example http://b.example:8080');
    assert.equal(parseEmbedOrigins("https://a.example; script-src 'unsafe-inline'"), "'none'");
    assert.equal(parseEmbedOrigins('javascript:alert(1)'), "'none'");
  });

  it('sets nosniff and a referrer policy on every response', () => {
    const h = securityHeaders(base);
    assert.equal(h['X-Content-Type-Options'], 'nosniff');
    assert.equal(h['Referrer-Policy'], 'strict-origin-when-cross-origin');
  });
});
