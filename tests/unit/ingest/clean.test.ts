import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Readability } from '@mozilla/readability';
import { cleanDocument, guessFormat, stripInert } from '../../../lib/ingest/clean';
import { detectLanguage } from '../../../lib/ingest/language';
import { splitSentences } from '../../../lib/ingest/sentences';

const PAGE = `<html lang="fr"><head><title>Couvre-feu à Bamako | Sahel Info</title>
<meta property="og:site_name" content="Sahel Info"><meta property="article:published_time" content="2024-02-08T09:30:00+00:00">
<meta name="author" content="Aminata Traoré"><script>track()</script></head><body>
<nav><a>Accueil</a> <a>Politique</a></nav><div class="share-buttons"><a>Partager sur Facebook</a></div>
<article><h1>Couvre-feu à Bamako</h1>
<figure><img src="a.jpg"><figcaption>Le marché de Bamako, en 2019. ©AFP</figcaption></figure>
<p>Le gouvernement de transition du Mali a instauré mercredi un couvre-feu nocturne à Bamako, après des affrontements dans un quartier.</p>
<p>Selon des sources sécuritaires, au moins six personnes auraient été tuées lors des heurts de lundi, un bilan que personne ne confirme.</p>
<p>Lire aussi : Le prix du riz flambe à Bamako</p>
<p>La Mission des Nations unies avait quitté le pays le 31 décembre 2023, à la demande des autorités de transition.</p>
</article><footer>© 2024 Sahel Info</footer></body></html>`;

describe('clean', () => {
  const doc = cleanDocument(PAGE, 'html');
  const furnitureText = doc.furniture.map((f) => doc.text.slice(f.start, f.end)).join(' | ');
  const inFurniture = (needle: string) => {
    const at = doc.text.indexOf(needle);
    return doc.furniture.some((f) => f.start <= at && at < f.end);
  };

  it('keeps the article paragraphs as text, outside any furniture', () => {
    for (const p of ['Le gouvernement de transition du Mali', 'au moins six personnes', 'La Mission des Nations unies']) {
      assert.ok(doc.text.includes(p), p);
      assert.equal(inFurniture(p), false, `${p} must not be furniture`);
    }
  });

  it('marks navigation, share buttons, captions, read-more links and the footer as furniture', () => {
    for (const f of ['Accueil', 'Partager sur Facebook', 'Le marché de Bamako, en 2019', 'Lire aussi', '© 2024 Sahel Info']) {
      assert.ok(inFurniture(f), `${f} should be furniture; furniture is: ${furnitureText}`);
    }
  });

  it('reads the metadata of the page', () => {
    assert.equal(doc.meta.publisher, 'Sahel Info');
    assert.equal(doc.meta.author, 'Aminata Traoré');
    assert.equal(doc.meta.language, 'fr');
    assert.match(doc.meta.published ?? '', /^2024-02-08/);
  });

  it('reads a header block in plain text and Markdown front matter, and strips Markdown', () => {
    const txt = cleanDocument('Title: Floods in Kenya\nPublisher: East Africa Wire\nDate: 2024-04-26\n\nAt least 38 people have died in floods in western Kenya.', 'text');
    assert.deepEqual([txt.meta.title, txt.meta.publisher, txt.meta.published], ['Floods in Kenya', 'East Africa Wire', '2024-04-26']);
    assert.ok(txt.text.startsWith('At least 38 people'));
    const md = cleanDocument('---\ntitle: Strike\npublisher: Harbour Daily\n---\n# Strike ends\n\nDockworkers at the **Port of Antwerp** returned to work, [said](http://x) the union.', 'markdown');
    assert.equal(md.meta.publisher, 'Harbour Daily');
    assert.match(md.text, /Dockworkers at the Port of Antwerp returned to work, said the union\./);
  });

  it('guesses the format from the name or the content', () => {
    assert.equal(guessFormat('x', 'a.md'), 'markdown');
    assert.equal(guessFormat('<p>hello</p><div>x</div>'), 'html');
    assert.equal(guessFormat('plain words'), 'text');
  });
});

describe('clean: markup that is never text is cut before the DOM is built', () => {
  it('cuts scripts, styles, inline SVG and comments, keeps what follows a self-closed <svg/>, counts the scripts', () => {
    const html = `<p>Avant.</p><script type="text/javascript">if (a < b && "</p>") x();</script><!-- <p>commentaire</p> -->
<style>p > a { color: red }</style><svg class="icon" /><p>Après l'icône.</p><svg viewBox="0 0 1 1"><text>Texte SVG</text></svg><p data-x='a>b'>Fin.</p>`;
    const out = stripInert(html);
    assert.equal(out.scripts, 1);
    assert.doesNotMatch(out.html, /x\(\)|commentaire|color|Texte SVG/);
    for (const kept of ['Avant.', "Après l'icône.", 'Fin.']) assert.ok(out.html.includes(kept), kept);
  });

  it('leaves an unclosed script to the DOM step, which still never reads it', () => {
    const doc = cleanDocument('<html><body><p>Le gouvernement a instauré mercredi un couvre-feu nocturne dans la capitale.</p><script>var secret = "attaque"; ', 'html');
    assert.doesNotMatch(doc.text, /secret|attaque/);
    assert.ok(doc.warnings.some((w) => /script/.test(w)));
  });

  it('reads JSON-LD metadata (schema.org NewsArticle) when the meta tags say nothing', () => {
    const ld = JSON.stringify({ '@context': 'https://schema.org', '@graph': [{ '@type': 'WebSite', name: 'x' }, { '@type': 'NewsArticle', headline: 'Crue à Lyon', datePublished: '2025-03-02T08:00:00+01:00', author: [{ '@type': 'Person', name: 'Anne Roy' }], publisher: { '@type': 'Organization', name: 'Le Rhône Libre' } }] });
    const doc = cleanDocument(`<html><head><script type="application/ld+json">${ld}</script></head><body><article><p>La Saône est sortie de son lit dimanche à Lyon, inondant plusieurs quais du centre-ville selon la préfecture.</p></article></body></html>`, 'html');
    assert.equal(doc.meta.published, '2025-03-02T08:00:00+01:00');
    assert.equal(doc.meta.author, 'Anne Roy');
    assert.equal(doc.meta.publisher, 'Le Rhône Libre');
    assert.doesNotMatch(doc.text, /NewsArticle/);
  });

  it('the Readability internals made cheaper still exist (if a release renames them, the speed-up is silently lost)', () => {
    const proto = Readability.prototype as unknown as Record<string, unknown>;
    for (const m of ['_getAllNodesWithTag', '_isProbablyVisible', '_fixRelativeUris']) assert.equal(typeof proto[m], 'function', m);
  });
});

describe('language and sentences', () => {
  it('tells French from English and flags other languages', () => {
    assert.equal(detectLanguage('Le président a annoncé la fin de la mission des troupes dans le pays.').language, 'fr');
    assert.equal(detectLanguage('The president announced the end of the mission of the troops in the country.').language, 'en');
    const de = detectLanguage('Der Präsident hat das Ende der Mission angekündigt und die Truppen sind nicht mehr im Land.');
    assert.equal(de.language, 'de');
    assert.equal(de.supported, false);
  });

  it('splits sentences with exact offsets, not at abbreviations, and skips furniture', () => {
    const text = 'Photo: AFP\n\nThe talks began on Sept. 26 in Geneva, said Mr. Smith. They lasted for six days.';
    const s = splitSentences(text, 'en', [{ start: 0, end: 10, reason: 'image caption' }]);
    assert.deepEqual(s.map((x) => x.text), ['The talks began on Sept. 26 in Geneva, said Mr. Smith.', 'They lasted for six days.']);
    for (const x of s) assert.equal(text.slice(x.start, x.end), x.text);
  });
});
