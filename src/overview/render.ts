import { MermaidEdgeStyle, MermaidFlowchart, MermaidGroup, MermaidIds, MermaidNode, renderFlowchart } from './mermaid';
import { OverviewImage, OverviewInput, OverviewService } from './model';
import { markdownCode, markdownComment, markdownText } from '../core/markdown';
import { Plane } from '../service/plane';

/** The class styles every diagram of STACK.md may use; a diagram declares the ones it draws with. */
const STYLES: { readonly [name: string]: string } = {
  service: 'fill:#e8f0fe,stroke:#1a56db,color:#111',
  foundation: 'fill:#fef3c7,stroke:#b45309,color:#111',
  base: 'fill:#e0f2f1,stroke:#00796b,color:#111',
  builder: 'fill:#f3f4f6,stroke:#6b7280,stroke-dasharray:4 2,color:#111',
  distroless: 'fill:#ede9fe,stroke:#6d28d9,color:#111',
};

/** What each layer holds, as the domain names it. */
const LAYER_TITLES: { readonly [layer: number]: string } = {
  0: 'core support',
  1: 'session pipeline',
  2: 'service integration',
  3: 'advanced',
};

/** The headings of the diagrams, in the order STACK.md shows them; the diagram test finds them by these. @internal */
export const OVERVIEW_DIAGRAMS = ['Planes and layers', 'Build graph', 'Runtime graph'] as const;

/**
 * STACK.md: the three diagrams, each in a `mermaid` code block under its heading, then the tables of images
 * and foundation services.
 * @internal
 */
export function renderOverview(header: string[], input: OverviewInput): string {
  const ids = new MermaidIds();
  const out: string[] = header.map(markdownComment);
  out.push(`# Stack overview: ${cell(input.title)}`, '',
    'The stack in pictures, drawn from its construct tree at every synthesis: where each service sits, how each '
    + 'image is built and how the services start. The tables list every image the stack builds and every '
    + 'foundation service it runs.', '');

  const diagram = (title: (typeof OVERVIEW_DIAGRAMS)[number], text: string, chart: MermaidFlowchart) => {
    out.push(`## ${title}`, '', text, '', '```mermaid', renderFlowchart(chart), '```', '');
  };
  diagram('Planes and layers', 'Every service in its plane and layer; foundation services, which belong to no plane, apart. '
    + 'A service depends only on services of its own or a lower layer.', planesAndLayers(input, ids));
  diagram('Build graph', 'What each image is built FROM. Base images of the stack reach the images built on them as bake '
    + '`target:` contexts (bake builds them first, in the same run, with no push or pull in between); builder images '
    + '(dashed) and distroless runtimes are pulled.', buildGraph(input, ids));
  diagram('Runtime graph', 'The services by compose network (a service is drawn in its own plane\'s network and lists the '
    + 'others it joins). A solid arrow is a start-up dependency: the service starts once the other is healthy. '
    + 'A dotted arrow is a service talking to another.', runtimeGraph(input, ids));

  out.push('## Images', '', `Support status ${input.asOf ? `as of ${input.asOf}` : 'as the runtime catalogue records it (the app gives no `asOf` date)'}.`, '',
    '| image | kind | description | runtime family | support | size budget | port | plane | layer |',
    '| --- | --- | --- | --- | --- | ---: | ---: | --- | --- |');
  for (const i of input.images) {
    out.push(`| ${code(i.name)} | ${i.isService ? 'service' : 'base image'} | ${cell(i.description)} | ${code(i.family)} | ${cell(i.support)} | `
      + `${i.sizeBudgetMb} MB | ${i.port ?? '–'} | ${i.plane ? cell(i.plane) : '–'} | ${i.layer !== undefined ? layerTitle(i.layer) : '–'} |`);
  }
  out.push('');

  const foundation = input.services.filter(s => s.foundation);
  if (foundation.length > 0) {
    out.push('## Foundation services', '', 'Upstream images the stack runs and does not build.', '',
      '| service | image | port | layer | networks |', '| --- | --- | ---: | --- | --- |');
    for (const f of foundation) {
      out.push(`| ${code(f.name)} | ${code(f.runs)} | ${f.port} | ${layerTitle(f.layer)} | ${f.networks.map(cell).join(', ')} |`);
    }
    out.push('');
  }
  return out.join('\n');
}

/** (a) One subgraph per plane, in it one per layer that has services, in it each service. */
function planesAndLayers(input: OverviewInput, ids: MermaidIds): MermaidFlowchart {
  const groups: MermaidGroup[] = [];
  const byLayer = (prefix: string, services: OverviewService[]): MermaidGroup[] =>
    [...new Set(services.map(s => s.layer))].sort((a, b) => a - b).map(layer => ({
      id: ids.of('layer', `${prefix}-${layer}`),
      title: layerTitle(layer),
      nodes: services.filter(s => s.layer === layer).map(s => serviceNode(s, ids, [`:${s.port} · ${s.runs}`])),
      groups: [],
    }));
  const lucid = input.services.filter(s => !s.foundation);
  for (const plane of planesOf(lucid)) {
    groups.push({ id: ids.of('plane', plane), title: `${plane} plane`, nodes: [], groups: byLayer(plane, lucid.filter(s => s.plane === plane)) });
  }
  const foundation = input.services.filter(s => s.foundation);
  if (foundation.length > 0) {
    groups.push({ id: ids.of('group', 'foundation'), title: 'foundation services', nodes: [], groups: byLayer('foundation', foundation) });
  }
  return { direction: 'TB', classes: pick('service', 'foundation'), groups, nodes: [], edgeSections: [] };
}

/** (b) Upstream images → base images → services, each edge the FROM of one stage. */
function buildGraph(input: OverviewInput, ids: MermaidIds): MermaidFlowchart {
  const upstream = new Map<string, boolean>();
  for (const i of input.images) {
    for (const s of i.sources) {
      if (s.upstream !== undefined) {
        upstream.set(s.upstream, upstream.get(s.upstream) === true || s.distroless === true);
      }
    }
  }
  const upstreamNode = (ref: string): MermaidNode => ({
    id: ids.of('up', ref),
    lines: [ref],
    className: upstream.get(ref) ? 'distroless' : 'builder',
  });
  const imageNode = (i: OverviewImage): MermaidNode => ({
    id: ids.of(i.isService ? 'svc' : 'img', i.name),
    lines: [i.name, i.isService ? `:${i.port} · ${i.family}` : `base image · ${i.family}`],
    className: i.isService ? 'service' : 'base',
  });
  const refs = [...upstream.keys()].sort();
  const groups: MermaidGroup[] = [];
  const group = (name: string, title: string, nodes: MermaidNode[]) => {
    if (nodes.length > 0) {
      groups.push({ id: ids.of('group', name), title, nodes, groups: [] });
    }
  };
  group('builders', 'builder images (pulled)', refs.filter(r => !upstream.get(r)).map(upstreamNode));
  group('distroless', 'distroless runtimes (pulled)', refs.filter(r => upstream.get(r)).map(upstreamNode));
  group('bases', 'base images (built)', input.images.filter(i => !i.isService).map(imageNode));
  group('images', 'services (built)', input.images.filter(i => i.isService).map(imageNode));
  const byName = new Map(input.images.map(i => [i.name, i]));
  const edges = input.images.flatMap(i => i.sources.map(s => {
    const from = s.appImage !== undefined
      ? ids.of(byName.get(s.appImage)?.isService ? 'svc' : 'img', s.appImage)
      : ids.of('up', s.upstream!);
    const label = s.appImage !== undefined ? `target:${s.appImage} AS ${s.stage}` : `FROM AS ${s.stage}`;
    return { from, to: ids.of(i.isService ? 'svc' : 'img', i.name), label, style: MermaidEdgeStyle.SOLID };
  }));
  return {
    direction: 'LR',
    classes: pick('builder', 'distroless', 'base', 'service'),
    groups,
    nodes: [],
    edgeSections: [{ comment: 'FROM: each stage of an image and what it is built on (target: contexts are the stack\'s own base images)', edges }],
  };
}

/** (c) Services by compose network, start-up dependencies solid, talking dotted. */
function runtimeGraph(input: OverviewInput, ids: MermaidIds): MermaidFlowchart {
  // A node is drawn once, in one subgraph: a Lucid service's own plane's network, a foundation service's first.
  const home = (s: OverviewService) => (s.plane !== undefined && s.networks.includes(s.plane) ? s.plane : s.networks[0] ?? 'default');
  const networks = [...new Set(input.services.map(home))].sort();
  const groups: MermaidGroup[] = networks.map(n => ({
    id: ids.of('net', n),
    title: `network ${n}`,
    nodes: input.services.filter(s => home(s) === n).map(s => {
      const others = s.networks.filter(o => o !== n);
      return serviceNode(s, ids, [`:${s.port}`, ...(others.length > 0 ? [`also on ${others.join(', ')}`] : [])]);
    }),
    groups: [],
  }));
  const known = new Set(input.services.map(s => s.name));
  const dependencies = input.services.flatMap(s => s.dependsOn.filter(d => known.has(d)).map(d => ({
    from: ids.of('svc', s.name), to: ids.of('svc', d), label: 'depends on', style: MermaidEdgeStyle.SOLID,
  })));
  const talks = input.talks.filter(t => known.has(t.from) && known.has(t.to)).map(t => ({
    from: ids.of('svc', t.from), to: ids.of('svc', t.to), label: t.label, style: MermaidEdgeStyle.DOTTED,
  }));
  return {
    direction: 'LR',
    classes: pick('service', 'foundation'),
    groups,
    nodes: [],
    edgeSections: [
      { comment: 'start-up dependencies (compose depends_on: starts once the other is healthy)', edges: dependencies },
      { comment: `talks to (dotted): who calls whom at run time${talks.length === 0 ? ': none declared' : ''}`, edges: talks },
    ],
  };
}

function serviceNode(s: OverviewService, ids: MermaidIds, lines: string[]): MermaidNode {
  return { id: ids.of('svc', s.name), lines: [s.name, ...lines], className: s.foundation ? 'foundation' : 'service' };
}

/** The planes of `services`, in the order the domain lists them (unknown ones after, sorted). */
function planesOf(services: OverviewService[]): string[] {
  const order: string[] = Object.values(Plane);
  const rank = (p: string) => (order.includes(p) ? order.indexOf(p) : order.length);
  return [...new Set(services.map(s => s.plane!))].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
}

function layerTitle(layer: number): string {
  return LAYER_TITLES[layer] !== undefined ? `layer ${layer}: ${LAYER_TITLES[layer]}` : `layer ${layer}`;
}

function pick(...names: string[]): { [name: string]: string } {
  const out: { [name: string]: string } = {};
  for (const n of names) {
    out[n] = STYLES[n];
  }
  return out;
}

/** User text in a table cell or heading, shown exactly as written (see core/markdown). */
function cell(s: string): string {
  return markdownText(s);
}

/** A code span in a table cell, holding exactly `s`. */
function code(s: string): string {
  return markdownCode(s, true);
}
