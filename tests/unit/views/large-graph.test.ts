import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import cytoscape from 'cytoscape';
import { applyElements } from '../../../app/_components/network/apply-elements';
import {
  EDGE_DETAIL_MIN_ZOOM,
  LARGE_GRAPH_ELEMENTS,
  LOD_COARSE_EDGE_CLASS,
  LOD_LABEL_CLASS,
  detailedEdges,
  isLargeGraph,
  isSoftwareRenderer,
  labelLegible,
  labelledElements,
  levelOfDetailStyles,
  renderingOptions,
  sunflowerPositions,
  trackLevelOfDetail,
} from '../../../lib/views/large-graph';

describe('large-graph level of detail', () => {
  it('leaves small graphs exactly as they were: no renderer options, no extra styles', () => {
    assert.equal(isLargeGraph(LARGE_GRAPH_ELEMENTS), false);
    // Nor do they probe the browser's graphics (a probe creates a WebGL context).
    const noProbe = () => assert.fail('a small graph probed WebGL');
    assert.deepEqual(renderingOptions(50, noProbe), {});
    assert.deepEqual(levelOfDetailStyles(50), []);
  });

  it('gives large graphs the WebGL renderer and hides labels below a legible size', () => {
    const n = LARGE_GRAPH_ELEMENTS + 1;
    assert.equal(renderingOptions(n, () => ({ webgl2: true })).webgl, true);
    assert.equal(renderingOptions(n, () => ({ webgl2: true, softwareRenderer: false })).webgl, true);
    // Without WebGL2 (cytoscape's WebGL renderer would throw), or with WebGL emulated on the CPU,
    // the canvas stays, at pixel ratio 1.
    for (const graphics of [{ webgl2: false }, { webgl2: true, softwareRenderer: true }]) {
      assert.deepEqual(renderingOptions(n, () => graphics), { pixelRatio: 1 }, JSON.stringify(graphics));
    }
    const styles = levelOfDetailStyles(n);
    assert.ok(styles.some((s) => s.selector === 'node' && Number(s.style['min-zoomed-font-size']) >= 8));
    assert.ok(styles.filter((s) => 'text-events' in s.style).length === 2);
    assert.ok(styles.every((s) => !('text-events' in s.style) || s.style['text-events'] === 'no'));
  });

  it('tells software WebGL from a GPU by the renderer string', () => {
    // Strings as browsers report them (UNMASKED_RENDERER_WEBGL, or RENDERER where that is masked).
    for (const software of [
      'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)',
      'Google SwiftShader',
      'llvmpipe (LLVM 15.0.6, 256 bits)',
      'ANGLE (Mesa, llvmpipe (LLVM 19.1.7 256 bits), OpenGL 4.5)',
      'softpipe',
      'ANGLE (Microsoft, Microsoft Basic Render Driver Direct3D11 vs_5_0 ps_5_0, D3D11)',
    ]) {
      assert.equal(isSoftwareRenderer(software), true, software);
    }
    for (const gpu of [
      'ANGLE (Intel, Mesa Intel(R) UHD Graphics 620 (KBL GT2), OpenGL 4.6)',
      'ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0, D3D11)',
      'Apple M1',
      'Mali-G78',
      'Adreno (TM) 650',
    ]) {
      assert.equal(isSoftwareRenderer(gpu), false, gpu);
    }
    assert.equal(isSoftwareRenderer(null), false);
  });

  it('keeps WebGL label atlases to sane sizes: rows of about 56 px, textures no larger than 2048 px', () => {
    // A label is rasterised at the row height (size / rows); 4096 / 24 made every label ~8.5 times
    // its size, 75 atlases of 64 MB for 20k elements, and no first frame.
    const o = renderingOptions(LARGE_GRAPH_ELEMENTS + 1, () => ({ webgl2: true }));
    const size = Number(o.webglTexSize);
    assert.ok(size <= 2048, `webglTexSize ${size}`);
    const rowPx = size / Number(o.webglTexRows);
    assert.ok(rowPx >= 40 && rowPx <= 64, `label row ${rowPx} px`);
  });

  it('labels, under either renderer, only elements given the level-of-detail class', () => {
    const styles = levelOfDetailStyles(LARGE_GRAPH_ELEMENTS + 1);
    const off = styles.findIndex((s) => s.style.label === '');
    const on = styles.findIndex((s) => s.selector.includes(`.${LOD_LABEL_CLASS}`) && s.style.label === 'data(label)');
    assert.ok(off >= 0 && on > off, 'the class rule comes after the rule that hides labels');
  });

  it('draws coarse edges as haystack without arrowheads, keeping their colour, width and dashes', () => {
    const coarse = levelOfDetailStyles(LARGE_GRAPH_ELEMENTS + 1).filter((s) => s.selector.includes(`.${LOD_COARSE_EDGE_CLASS}`));
    assert.equal(coarse.length, 1);
    assert.deepEqual(coarse[0]!.style, { 'curve-style': 'haystack', 'haystack-radius': 0, 'target-arrow-shape': 'none', 'source-arrow-shape': 'none' });
  });

  it('applies min-zoomed-font-size’s rule', () => {
    assert.equal(labelLegible(13, 12, 1), true);
    assert.equal(labelLegible(13, 12, 0.9), false);
    assert.equal(labelLegible(11, 16, 1.5), true);
    assert.equal(labelLegible(11, 16, 1.4), false);
  });
});

describe('level of detail on a cytoscape instance', () => {
  // A real (headless) cytoscape with a fixed 1000 × 600 viewport: extent() is the model box it shows.
  function graph() {
    const n = LARGE_GRAPH_ELEMENTS + 1;
    const nodes = Array.from({ length: 1000 }, (_, i) => ({ group: 'nodes' as const, data: { id: `n${i}`, label: `Node ${i}` }, position: { x: (i % 40) * 50, y: Math.floor(i / 40) * 50 } }));
    const edges = Array.from({ length: 999 }, (_, i) => ({ group: 'edges' as const, data: { id: `e${i}`, source: `n${i}`, target: `n${i + 1}`, label: 'knows' } }));
    const unlabelled = [{ group: 'edges' as const, data: { id: 'p0', source: 'n0', target: 'n40' }, classes: 'participation' }];
    const cy = cytoscape({
      headless: true,
      styleEnabled: true,
      layout: { name: 'preset' },
      elements: [...nodes, ...edges, ...unlabelled],
      style: [
        { selector: 'node', style: { label: 'data(label)', 'font-size': 13 } },
        { selector: 'edge', style: { label: 'data(label)', 'font-size': 11, 'curve-style': 'bezier', 'target-arrow-shape': 'triangle' } },
        { selector: 'edge.participation', style: { label: '' } },
        ...levelOfDetailStyles(n),
      ],
    });
    const viewport = { w: 1000, h: 600 };
    cy.extent = () => {
      const z = cy.zoom();
      const p = cy.pan();
      return { x1: -p.x / z, y1: -p.y / z, x2: (viewport.w - p.x) / z, y2: (viewport.h - p.y) / z, w: viewport.w / z, h: viewport.h / z };
    };
    return cy;
  }

  /** The graph with the level of detail tracked, at once (no settling delay, no margin). */
  function tracked(t: { after(fn: () => void): void }) {
    const cy = graph();
    const stop = trackLevelOfDetail(cy, { settleMs: 0, marginPx: 0 });
    t.after(() => {
      stop();
      cy.destroy();
    });
    return { cy, stop, settle: () => new Promise((r) => setTimeout(r, 5)) };
  }

  it('labels nothing zoomed out, and only legible elements on screen zoomed in', (t) => {
    const cy = graph();
    t.after(() => cy.destroy());
    cy.viewport({ zoom: 0.2, pan: { x: 0, y: 0 } });
    assert.equal(labelledElements(cy).length, 0);

    cy.viewport({ zoom: 1, pan: { x: 0, y: 0 } });
    const at1 = labelledElements(cy, 0);
    assert.ok(at1.nonempty());
    assert.equal(at1.edges().length, 0, 'edge labels (11 px) need zoom ≥ 16/11');
    const onScreen = (n: cytoscape.NodeSingular) => n.position().x <= 1000 && n.position().y <= 600;
    assert.ok(at1.nodes().every((n) => onScreen(n as cytoscape.NodeSingular)), 'only on screen');
    assert.ok(at1.length < 1000 / 2, `${at1.length} labelled`);

    cy.viewport({ zoom: 2, pan: { x: 0, y: 0 } });
    const at2 = labelledElements(cy, 0);
    assert.ok(at2.edges().nonempty());
    at2.addClass(LOD_LABEL_CLASS);
    assert.equal(cy.getElementById('p0').style('label'), '', 'an edge without label data stays unlabelled');
    assert.equal(cy.getElementById('e0').style('label'), 'knows');
  });

  it('gives the class, hence the label, to exactly those elements once the viewport settles', async (t) => {
    const { cy, stop, settle } = tracked(t);
    cy.viewport({ zoom: 0.2, pan: { x: 0, y: 0 } });
    await settle();
    assert.equal(cy.elements(`.${LOD_LABEL_CLASS}`).length, 0);
    assert.equal(cy.getElementById('n0').style('label'), '', 'labels hidden by default');

    cy.viewport({ zoom: 1, pan: { x: 0, y: 0 } });
    await settle();
    assert.equal(cy.getElementById('n0').style('label'), 'Node 0');
    assert.equal(cy.getElementById('n999').style('label'), '', 'off screen');
    assert.deepEqual(cy.elements(`.${LOD_LABEL_CLASS}`).map((el) => el.id()).sort(), labelledElements(cy, 0).map((el) => el.id()).sort());

    cy.viewport({ zoom: 1, pan: { x: -1500, y: -900 } });
    await settle();
    assert.equal(cy.getElementById('n0').style('label'), '', 'scrolled away: label taken back');
    assert.equal(cy.getElementById('n999').style('label'), 'Node 999');

    stop();
    cy.viewport({ zoom: 0.2, pan: { x: 0, y: 0 } });
    await settle();
    assert.equal(cy.getElementById('n999').style('label'), 'Node 999', 'stopped: no more changes');
  });

  it('picks for detail, zoomed in, the edges whose target end or middle is on screen', (t) => {
    const cy = graph();
    t.after(() => cy.destroy());
    cy.viewport({ zoom: EDGE_DETAIL_MIN_ZOOM * 0.99, pan: { x: 0, y: 0 } });
    assert.equal(detailedEdges(cy, 0).length, 0, 'zoomed out: none');
    // Zoom 1 at the origin shows x ≤ 1000, y ≤ 600: nodes n0…n20 of each of rows 0…12.
    cy.viewport({ zoom: 1, pan: { x: 0, y: 0 } });
    const detailed = detailedEdges(cy, 0);
    const visible = (id: string) => {
      const p = cy.getElementById(id).position();
      return p.x <= 1000 && p.y <= 600;
    };
    // The test graph's edges join neighbours, so the middle is on screen only near an end on it.
    const expected = cy.edges().filter((e) => {
      const [s, t] = [cy.getElementById(e.data('source')).position(), cy.getElementById(e.data('target')).position()];
      return visible(e.data('target')) || ((s.x + t.x) / 2 <= 1000 && (s.y + t.y) / 2 <= 600);
    });
    assert.deepEqual(detailed.map((e) => e.id()).sort(), expected.map((e) => e.id()).sort());
    assert.ok(detailed.length > 100 && detailed.length < cy.edges().length / 2, `${detailed.length} detailed`);
  });

  it('keeps edges coarse from the moment they are added, and details those on screen once zoomed in', async (t) => {
    const { cy, settle } = tracked(t);
    const shape = (id: string) => [cy.getElementById(id).style('curve-style'), cy.getElementById(id).style('target-arrow-shape')];
    assert.equal(cy.edges(`.${LOD_COARSE_EDGE_CLASS}`).length, cy.edges().length, 'the edges there when it starts');
    cy.add({ group: 'edges', data: { id: 'late', source: 'n0', target: 'n2', label: 'late' } });
    assert.deepEqual(shape('late'), ['haystack', 'none'], 'an edge added later, before any frame');

    cy.viewport({ zoom: 0.2, pan: { x: 0, y: 0 } });
    await settle();
    assert.equal(cy.edges(`.${LOD_COARSE_EDGE_CLASS}`).length, cy.edges().length, 'zoomed out: all coarse');

    cy.viewport({ zoom: 1, pan: { x: 0, y: 0 } });
    await settle();
    assert.deepEqual(shape('e0'), ['bezier', 'triangle'], 'on screen: the base stylesheet’s curve and arrow');
    assert.deepEqual(shape('late'), ['bezier', 'triangle']);
    assert.deepEqual(shape('e998'), ['haystack', 'none'], 'off screen: coarse');
    assert.deepEqual(
      cy.edges().filter((e) => !e.hasClass(LOD_COARSE_EDGE_CLASS)).map((e) => e.id()).sort(),
      detailedEdges(cy, 0).map((e) => e.id()).sort(),
    );

    // An update that reset an edge's classes is mended on the next pass.
    cy.getElementById('e998').classes('');
    cy.viewport({ zoom: 0.3, pan: { x: 0, y: 0 } });
    await settle();
    assert.deepEqual(shape('e0'), ['haystack', 'none'], 'zoomed out again');
    assert.deepEqual(shape('e998'), ['haystack', 'none']);
  });

  it('survives an element update: applyElements keeps the level of detail’s classes', (t) => {
    const cy = graph();
    t.after(() => cy.destroy());
    cy.getElementById('e1').addClass([LOD_COARSE_EDGE_CLASS, LOD_LABEL_CLASS]);
    const elements = cy.elements().map((el) => ({
      group: el.isNode() ? ('nodes' as const) : ('edges' as const),
      data: { ...el.data(), label: el.id() === 'e1' ? 'renamed' : el.data('label') },
      classes: el.id() === 'e1' ? 'rel-knows' : '',
    }));
    applyElements(cy, elements as Parameters<typeof applyElements>[1]);
    const e1 = cy.getElementById('e1');
    assert.equal(e1.data('label'), 'renamed');
    assert.deepEqual(e1.classes().sort(), [LOD_COARSE_EDGE_CLASS, LOD_LABEL_CLASS, 'rel-knows'].sort());
  });

  it('swaps on update only the classes the model gave, whoever else added classes', (t) => {
    const cy = cytoscape({ headless: true, styleEnabled: true });
    t.after(() => cy.destroy());
    const node = (classes: string, label = 'A') => ({ group: 'nodes' as const, data: { id: 'a', label }, classes });
    applyElements(cy, [node('type-person status-alleged')] as unknown as Parameters<typeof applyElements>[1]);
    cy.getElementById('a').addClass([LOD_LABEL_CLASS, 'highlighted']);
    applyElements(cy, [node('type-person status-reported', 'A2')] as unknown as Parameters<typeof applyElements>[1]);
    const a = cy.getElementById('a');
    assert.equal(a.data('label'), 'A2');
    assert.deepEqual(a.classes().sort(), [LOD_LABEL_CLASS, 'highlighted', 'status-reported', 'type-person'].sort());
  });
});

describe('sunflowerPositions', () => {
  const ids = Array.from({ length: 500 }, (_, i) => `n${i}`);
  const edges = ids.slice(1).map((id, i) => ({ source: i % 3 === 0 ? 'n7' : ids[i]!, target: id }));

  it('places every node, deterministically, the best connected at the centre', () => {
    const a = sunflowerPositions(ids, edges);
    const b = sunflowerPositions([...ids].reverse(), [...edges].reverse());
    assert.equal(a.size, ids.length);
    assert.deepEqual([...a.entries()].sort(), [...b.entries()].sort());
    const r = (id: string) => Math.hypot(a.get(id)!.x, a.get(id)!.y);
    assert.ok(ids.every((id) => r('n7') <= r(id)), 'the hub is nearest the centre');
  });

  it('keeps nodes apart (no two closer than half the spacing)', () => {
    const pos = [...sunflowerPositions(ids, edges, 40).values()];
    let min = Infinity;
    for (let i = 0; i < pos.length; i++) {
      for (let j = i + 1; j < pos.length; j++) min = Math.min(min, Math.hypot(pos[i]!.x - pos[j]!.x, pos[i]!.y - pos[j]!.y));
    }
    assert.ok(min >= 20, `closest pair ${min}`);
  });
});
