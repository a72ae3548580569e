import * as fs from 'fs';
import * as path from 'path';
import { Browser, chromium, Page } from 'playwright-core';
import { FoundationService, LucidService, Testing } from '../../src';
import { MermaidEdgeStyle, renderFlowchart } from '../../src/overview/mermaid';
import { mermaidBlocks } from '../overview/flowchart';
import { referenceApp } from '../util/reference-stack';

// Every diagram of the reference stack's STACK.md, parsed and rendered by Mermaid's own browser bundle in a
// real headless Chromium, as GitHub and a reader's browser would. A PNG of each goes to test-reports/overview/
// for a person to look at. CI sets LUCID_REQUIRE_BROWSER, so there a missing browser fails instead of skipping.

const CHROMIUM = process.env.LUCID_CHROMIUM ?? '/usr/bin/chromium';
const REQUIRED = (process.env.LUCID_REQUIRE_BROWSER ?? '') !== '';
const OUT_DIR = path.join(__dirname, '..', '..', 'test-reports', 'overview');
const present = fs.existsSync(CHROMIUM);
if (!present && !REQUIRED) {
  // eslint-disable-next-line no-console
  console.warn(`overview-render: skipped, no browser at ${CHROMIUM} (run scripts/setup-browser.sh, or set LUCID_CHROMIUM; LUCID_REQUIRE_BROWSER=true makes this a failure)`);
}

/** What Mermaid made of one diagram in the page. */
interface Rendered {
  readonly svg: string;
  /** The nodes drawn: their classes and their label's lines, as text. */
  readonly nodes: { classes: string[]; lines: string[] }[];
  readonly scripts: number;
}

/** Parses then renders `text` with the page's Mermaid; rejects with Mermaid's message on a parse error. */
async function render(page: Page, text: string): Promise<Rendered> {
  return page.evaluate(async (source: string) => {
    const mermaid = (window as any).mermaid;
    await mermaid.parse(source); // throws on any parse error
    const id = `diagram${document.querySelectorAll('svg').length}`;
    const { svg } = await mermaid.render(id, source);
    const holder = document.getElementById('out')!;
    holder.innerHTML = svg;
    const nodes = [...holder.querySelectorAll('g.node')].map(g => {
      const label = g.querySelector('.nodeLabel') ?? g;
      const lines = label.innerHTML.split(/<br\s*\/?>/).map(part => {
        const el = document.createElement('div');
        el.innerHTML = part;
        return el.textContent ?? '';
      });
      return { classes: (g.getAttribute('class') ?? '').split(/\s+/), lines };
    });
    return { svg, nodes, scripts: holder.querySelectorAll('script').length };
  }, text);
}

(present || REQUIRED ? describe : describe.skip)('STACK.md in a real browser', () => {
  let browser: Browser;
  let page: Page;
  const app = referenceApp();
  const markdown = Testing.synth(app)['STACK.md'];
  const blocks = mermaidBlocks(markdown);
  const lucid = app.node.findAll().filter(LucidService.isLucidService).map(s => s.serviceName).sort();
  const foundation = app.node.findAll().filter(FoundationService.isFoundationService).map(s => s.serviceName).sort();

  beforeAll(async () => {
    if (!fs.existsSync(CHROMIUM)) {
      throw new Error(`no browser at ${CHROMIUM}: run scripts/setup-browser.sh (LUCID_REQUIRE_BROWSER is set, so this test may not skip)`);
    }
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      // Chromium refuses to start its sandbox as root, which containers and CI machines often are.
      args: process.getuid?.() === 0 ? ['--no-sandbox'] : [],
    });
    page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    // A local page with nothing but Mermaid's browser bundle from node_modules: no network involved.
    await page.setContent('<!doctype html><html><head><meta charset="utf-8"></head><body><div id="out"></div></body></html>');
    await page.addScriptTag({ path: require.resolve('mermaid/dist/mermaid.min.js') });
    await page.evaluate(() => (window as any).mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' }));
    fs.mkdirSync(OUT_DIR, { recursive: true });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  /** Renders a diagram and writes its PNG; returns what was drawn. */
  async function draw(heading: string, file: string): Promise<Rendered> {
    expect(blocks[heading]).toBeDefined();
    const rendered = await render(page, blocks[heading]);
    await page.locator('#out svg').screenshot({ path: path.join(OUT_DIR, file) });
    expect(fs.statSync(path.join(OUT_DIR, file)).size).toBeGreaterThan(1000);
    return rendered;
  }

  const serviceNames = (r: Rendered, ...classes: string[]) =>
    r.nodes.filter(n => classes.some(c => n.classes.includes(c))).map(n => n.lines[0]).sort();

  test('renders the planes and layers with one node per service', async () => {
    const r = await draw('Planes and layers', '1-planes-and-layers.png');
    expect(serviceNames(r, 'service')).toEqual(lucid);
    expect(serviceNames(r, 'foundation')).toEqual(foundation);
    expect(r.svg).toContain('ops plane');
    expect(r.svg).toContain('layer 1: session pipeline');
  }, 60_000);

  test('renders the build graph with one node per service image, and its upstream images', async () => {
    const r = await draw('Build graph', '2-build-graph.png');
    expect(serviceNames(r, 'service')).toEqual(lucid);
    expect(serviceNames(r, 'base')).toEqual(['general-base', 'java-base', 'minimal-base', 'python-base']);
    expect(serviceNames(r, 'builder')).toContain('golang:1.24-trixie');
    expect(serviceNames(r, 'distroless')).toContain('gcr.io/distroless/python3-debian13:nonroot');
    expect(r.svg).toContain('target:python-base AS runtime');
  }, 60_000);

  test('renders the runtime graph with one node per service and its start-up dependencies', async () => {
    const r = await draw('Runtime graph', '3-runtime-graph.png');
    expect(serviceNames(r, 'service', 'foundation')).toEqual([...lucid, ...foundation].sort());
    expect(r.svg).toContain('network ops');
    expect(r.svg).toContain('depends on');
  }, 60_000);

  test('shows hostile labels as text: nothing becomes markup, nothing breaks the diagram', async () => {
    // GIVEN labels with quotes, entity look-alikes, markup and brackets
    const hostile = ['"quoted" #1 #quot; &amp;', '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', 'a[b]{c}|d`e\\f'];
    const text = renderFlowchart({
      direction: 'LR',
      classes: { service: 'fill:#e8f0fe' },
      groups: [{ id: 'group_g', title: hostile[0], nodes: hostile.map((h, i) => ({ id: `svc_${i}`, lines: [h, 'second'], className: 'service' })), groups: [] }],
      nodes: [],
      edgeSections: [{ comment: 'edges', edges: [{ from: 'svc_0', to: 'svc_1', label: hostile[1], style: MermaidEdgeStyle.DOTTED }] }],
    });

    // WHEN
    const r = await render(page, text);
    await page.locator('#out svg').screenshot({ path: path.join(OUT_DIR, '0-hostile-labels.png') });

    // THEN every label reads as written, and no script or image element was made
    expect(r.nodes.map(n => n.lines)).toEqual(hostile.map(h => [h, 'second']));
    expect(r.scripts).toEqual(0);
    expect(r.svg).not.toMatch(/<script|<img/);
  }, 60_000);
});
