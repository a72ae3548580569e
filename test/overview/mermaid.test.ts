import { decode, parseFlowchart } from './flowchart';
import { MermaidEdgeStyle, MermaidIds, mermaidLabel, mermaidText, renderFlowchart } from '../../src/overview/mermaid';

const HOSTILE = [
  'He said "hi"',
  'issue #12; #quot; stays text',
  '<script>alert(1)</script>',
  'a[b]{c}(d)',
  'x | y',
  '```mermaid fence```',
  'back\\slash & amp',
  'two\nlines\r\nthree',
];

describe('mermaidText', () => {
  test.each(HOSTILE)('writes %j with nothing Mermaid or HTML would read', (text) => {
    // WHEN
    const escaped = mermaidText(text);

    // THEN no character that ends a label, opens markup or a fence survives
    expect(escaped).not.toMatch(/["<>[\]{}|`\\\n\r]/);
    // and every `#` starts an entity code
    expect(escaped.replace(/#\w+;/g, '')).not.toContain('#');
    // and Mermaid's decoding gives back the text (line breaks as spaces)
    expect(decode(escaped)).toEqual(text.replace(/[\r\n]+/g, ' '));
  });

  test('uses the entity codes Mermaid documents', () => {
    expect(mermaidText('"#<>')).toEqual('#quot;#35;#lt;#gt;');
  });

  test('a label joins its escaped lines with line breaks, in quotes', () => {
    expect(mermaidLabel(['a"b', '<i>'])).toEqual('"a#quot;b<br/>#lt;i#gt;"');
  });
});

describe('MermaidIds', () => {
  test('derives a safe identifier from a name, behind its prefix', () => {
    const ids = new MermaidIds();
    expect(ids.of('svc', 'api-gateway')).toEqual('svc_api_gateway');
    expect(ids.of('svc', 'end')).toEqual('svc_end');
    expect(ids.of('up', 'gcr.io/distroless/python3-debian13:nonroot')).toEqual('up_gcr_io_distroless_python3_debian13_nonroot');
  });

  test('keeps names apart that differ only by a character an identifier cannot hold', () => {
    // GIVEN
    const ids = new MermaidIds();
    const names = ['a-b', 'a.b', 'a_b', 'a b', 'a"b<script>'];

    // WHEN
    const made = names.map(n => ids.of('svc', n));

    // THEN
    expect(new Set(made).size).toEqual(names.length);
    for (const id of made) {
      expect(id).toMatch(/^svc_[A-Za-z0-9_]+$/);
    }
    expect(made.slice(0, 3)).toEqual(['svc_a_b', 'svc_a_b_2', 'svc_a_b_3']);
  });

  test('gives the same name the same identifier every time, and each prefix its own', () => {
    const ids = new MermaidIds();
    const first = ids.of('svc', 'redis');
    expect(ids.of('svc', 'redis')).toEqual(first);
    expect(ids.of('net', 'redis')).toEqual('net_redis');
  });

  test('refuses a prefix that is not a lower-case word', () => {
    expect(() => new MermaidIds().of('Svc-1', 'x')).toThrow(/lower-case word/);
  });
});

describe('renderFlowchart', () => {
  test('writes nested subgraphs, nodes with classes, and solid and dotted edges', () => {
    // GIVEN
    const text = renderFlowchart({
      direction: 'LR',
      classes: { service: 'fill:#fff' },
      groups: [{
        id: 'plane_ops',
        title: 'ops "plane"',
        nodes: [],
        groups: [{ id: 'layer_ops_0', title: 'layer 0', nodes: [{ id: 'svc_a', lines: ['a', ':80'], className: 'service' }], groups: [] }],
      }],
      nodes: [{ id: 'svc_b', lines: ['b <b>'] }],
      edgeSections: [
        { comment: 'depends on', edges: [{ from: 'svc_a', to: 'svc_b', label: 'needs "b"', style: MermaidEdgeStyle.SOLID }] },
        { comment: 'talks to', edges: [{ from: 'svc_b', to: 'svc_a', style: MermaidEdgeStyle.DOTTED }] },
      ],
    });

    // WHEN
    const chart = parseFlowchart(text);

    // THEN
    expect(text.split('\n').slice(0, 2)).toEqual(['flowchart LR', '  classDef service fill:#fff']);
    expect(chart.groups.get('plane_ops')).toEqual({ title: 'ops "plane"', parent: undefined });
    expect(chart.groups.get('layer_ops_0')).toEqual({ title: 'layer 0', parent: 'plane_ops' });
    expect(chart.nodes.get('svc_a')).toEqual({ id: 'svc_a', lines: ['a', ':80'], className: 'service', groups: ['plane_ops', 'layer_ops_0'] });
    expect(chart.nodes.get('svc_b')).toEqual({ id: 'svc_b', lines: ['b <b>'], className: undefined, groups: [] });
    expect(chart.edges).toEqual([
      { from: 'svc_a', to: 'svc_b', label: 'needs "b"', dotted: false },
      { from: 'svc_b', to: 'svc_a', label: undefined, dotted: true },
    ]);
    expect(text).toContain('  %% talks to');
  });

  test('refuses a class name Mermaid cannot read', () => {
    expect(() => renderFlowchart({ direction: 'TB', classes: { 'a b': 'fill:#fff' }, groups: [], nodes: [], edgeSections: [] }))
      .toThrow(/class name "a b"/);
  });
});
