// Reads back the Mermaid flowcharts lucid-cdk writes into STACK.md, so tests can assert on their structure
// (which subgraph holds which node, which edges join which nodes) rather than on their text.

/** The Mermaid code blocks of a Markdown document, keyed by the `##` heading above each. */
export function mermaidBlocks(markdown: string): { [heading: string]: string } {
  const out: { [heading: string]: string } = {};
  let heading = '';
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].startsWith('## ')) {
      heading = lines[i].slice(3);
    } else if (lines[i] === '```mermaid') {
      const end = lines.indexOf('```', i + 1);
      out[heading] = lines.slice(i + 1, end).join('\n');
      i = end;
    }
  }
  return out;
}

export interface ParsedNode {
  readonly id: string;
  /** The label's lines, decoded. */
  readonly lines: string[];
  readonly className?: string;
  /** The subgraphs around the node, outermost first. */
  readonly groups: string[];
}

export interface ParsedFlowchart {
  readonly nodes: Map<string, ParsedNode>;
  /** Subgraph id → its title (decoded) and the subgraph around it. */
  readonly groups: Map<string, { title: string; parent?: string }>;
  readonly edges: { from: string; to: string; label?: string; dotted: boolean }[];
}

/** Mermaid's entity codes, turned back into text. */
export function decode(label: string): string {
  const named: { [k: string]: string } = { quot: '"', amp: '&', lt: '<', gt: '>' };
  return label.replace(/#(\w+);/g, (_, code: string) => (/^\d+$/.test(code) ? String.fromCharCode(Number(code)) : named[code] ?? `#${code};`));
}

/** The flowchart dialect STACK.md uses (one statement a line); anything else fails the test. */
export function parseFlowchart(text: string): ParsedFlowchart {
  const nodes = new Map<string, ParsedNode>();
  const groups = new Map<string, { title: string; parent?: string }>();
  const edges: ParsedFlowchart['edges'] = [];
  const stack: string[] = [];
  const lines = text.split('\n');
  if (!/^flowchart (TB|LR)$/.test(lines[0])) {
    throw new Error(`not a flowchart: ${lines[0]}`);
  }
  for (const raw of lines.slice(1)) {
    const line = raw.trim();
    let m: RegExpMatchArray | null;
    if (line.startsWith('%%') || line.startsWith('classDef ')) {
      continue;
    } else if ((m = line.match(/^subgraph (\w+) \["([^"]*)"\]$/))) {
      groups.set(m[1], { title: decode(m[2]), parent: stack[stack.length - 1] });
      stack.push(m[1]);
    } else if (line === 'end') {
      stack.pop();
    } else if ((m = line.match(/^(\w+)\["([^"]*)"\](?::::(\w+))?$/))) {
      if (nodes.has(m[1])) {
        throw new Error(`node ${m[1]} is defined twice`);
      }
      nodes.set(m[1], { id: m[1], lines: m[2].split('<br/>').map(decode), className: m[3], groups: [...stack] });
    } else if ((m = line.match(/^(\w+) (-->|-\.->)(?:\|"([^"]*)"\|)? (\w+)$/))) {
      edges.push({ from: m[1], to: m[4], label: m[3] === undefined ? undefined : decode(m[3]), dotted: m[2] === '-.->' });
    } else {
      throw new Error(`unexpected flowchart line: ${raw}`);
    }
  }
  if (stack.length > 0) {
    throw new Error(`unclosed subgraphs: ${stack.join(', ')}`);
  }
  return { nodes, groups, edges };
}
