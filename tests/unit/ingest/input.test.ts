import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cleanDocument } from '../../../lib/ingest/clean';
import { checkText, decodeInput } from '../../../lib/ingest/decode';
import { IngestInputError } from '../../../lib/ingest/errors';
import { readInput } from '../../../lib/ingest/runner';

const codeOf = (fn: () => unknown): string => {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof IngestInputError, `expected an IngestInputError, got ${String(e)}`);
    return e.code;
  }
  assert.fail('no error was thrown');
};

describe('bad input gets a clear error', () => {
  it('refuses empty input, bytes or pasted text', () => {
    assert.equal(codeOf(() => decodeInput(new Uint8Array())), 'empty');
    assert.equal(codeOf(() => checkText('   \n\t ')), 'empty');
  });

  it('refuses a 20 MB upload without decoding it', () => {
    const big = new Uint8Array(20 * 1024 * 1024).fill(0x61);
    assert.equal(codeOf(() => decodeInput(big)), 'too_large');
  });

  it('refuses binary data (NUL bytes, a PNG, a PDF)', () => {
    assert.equal(codeOf(() => decodeInput(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]))), 'binary');
    assert.equal(codeOf(() => decodeInput(new TextEncoder().encode('%PDF-1.7\n1 0 obj'))), 'binary');
  });

  it('reads Latin-1 text as windows-1252 with a warning, and refuses double-encoded UTF-8', () => {
    const latin1 = new Uint8Array([...Buffer.from('Le président a annoncé la fin de la mission à Almaty.', 'latin1')]);
    const out = decodeInput(latin1);
    assert.equal(out.encoding, 'windows-1252');
    assert.match(out.text, /président a annoncé/);
    assert.equal(out.warnings.length, 1);
    assert.equal(codeOf(() => checkText('Le prÃ©sident a annoncÃ© la fin de la mission Ã  Almaty, dÃ©clarÃ©.')), 'encoding');
  });

  it('refuses bytes that are neither UTF-8 nor a declared encoding', () => {
    // 0x81 is undefined in windows-1252 and invalid in UTF-8.
    assert.equal(codeOf(() => decodeInput(new Uint8Array([0x61, 0x62, 0x81, 0x63, 0x64, 0x65]))), 'encoding');
  });

  it('refuses HTML that is only scripts, and never lets script text into an article', () => {
    const scripts = '<html><body><script>' + 'var x = "Le président a attaqué jeudi";'.repeat(50) + '</script><style>p{}</style></body></html>';
    assert.equal(codeOf(() => cleanDocument(scripts, 'html')), 'no_text');
    const mixed = `<html><body><p>Le gouvernement a instauré mercredi un couvre-feu nocturne dans la capitale, après des affrontements.</p><script>alert("XSS attaqué")</script><p onclick="evil()">Des habitants affirment que des militaires auraient procédé à des arrestations.</p></body></html>`;
    const doc = cleanDocument(mixed, 'html');
    assert.doesNotMatch(doc.text, /alert|XSS|evil/);
    assert.ok(doc.warnings.some((w) => /script/.test(w)));
  });

  it('refuses file types it cannot read', async () => {
    await assert.rejects(readInput({ kind: 'bytes', bytes: new TextEncoder().encode('hello world'), fileName: 'report.docx' }), (e: unknown) => e instanceof IngestInputError && e.code === 'unsupported_type');
  });
});
