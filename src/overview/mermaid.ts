// The Mermaid flowchart text lucid-cdk writes into STACK.md: a small model (nodes, nested subgraphs, edges,
// class styles), identifiers made safe, labels escaped, rendered the same way every time. Pure: no constructs.

import { invalidMermaidClassName, invalidMermaidIdPrefix } from '../core/errors';

/**
 * A node of a flowchart.
 * @see https://mermaid.js.org/syntax/flowchart.html#node-shapes
 * @internal
 */
export interface MermaidNode {
  /** A safe identifier (from `MermaidIds`). */
  readonly id: string;
  /** The label's lines, as plain text: each is escaped, and they are joined with line breaks. */
  readonly lines: string[];
  /** The class (a `classDef` of the chart) the node is drawn with. */
  readonly className?: string;
}

/**
 * A subgraph: a titled box of nodes and further subgraphs.
 * @see https://mermaid.js.org/syntax/flowchart.html#subgraphs
 * @internal
 */
export interface MermaidGroup {
  readonly id: string;
  /** The title, as plain text. */
  readonly title: string;
  readonly nodes: MermaidNode[];
  readonly groups: MermaidGroup[];
}

/** How an edge is drawn. @internal */
export enum MermaidEdgeStyle {
  /** `-->` */
  SOLID = 'solid',
  /** `-.->` */
  DOTTED = 'dotted',
}

/**
 * An edge between two nodes.
 * @see https://mermaid.js.org/syntax/flowchart.html#links-between-nodes
 * @internal
 */
export interface MermaidEdge {
  readonly from: string;
  readonly to: string;
  /** The label, as plain text. */
  readonly label?: string;
  readonly style: MermaidEdgeStyle;
}

/** A flowchart. @internal */
export interface MermaidFlowchart {
  /** `TB` (top to bottom) or `LR` (left to right). */
  readonly direction: 'TB' | 'LR';
  /** Class name → style (`fill:#eef,stroke:#336`), written as `classDef` lines in this order. */
  readonly classes: { readonly [name: string]: string };
  readonly groups: MermaidGroup[];
  /** Nodes outside every subgraph. */
  readonly nodes: MermaidNode[];
  /** Edge sections, each with a comment line naming it (written even when the section has no edges). */
  readonly edgeSections: { readonly comment: string; readonly edges: MermaidEdge[] }[];
}

/**
 * Node and subgraph identifiers made from names: `<prefix>_<name>` with every character other than an ASCII
 * letter or digit turned into `_`, and a `_2`, `_3`, ... suffix where two names would otherwise meet
 * (`a-b` and `a.b`). The same prefix and name always get the same identifier. A prefix keeps identifiers off
 * Mermaid's keywords (`end`, `graph`) and off the letters `o` and `x` that would join an arrow.
 * @internal
 */
export class MermaidIds {
  private readonly byKey = new Map<string, string>();
  private readonly used = new Set<string>();

  /** The identifier of `name` among those of `prefix` (a lower-case word). */
  public of(prefix: string, name: string): string {
    if (!/^[a-z][a-z0-9]*$/.test(prefix)) {
      throw invalidMermaidIdPrefix(prefix);
    }
    const key = `${prefix}\u0000${name}`;
    const known = this.byKey.get(key);
    if (known !== undefined) {
      return known;
    }
    const base = `${prefix}_${name.replace(/[^A-Za-z0-9]/g, '_')}`;
    let id = base;
    for (let n = 2; this.used.has(id); n++) {
      id = `${base}_${n}`;
    }
    this.used.add(id);
    this.byKey.set(key, id);
    return id;
  }
}

// Inside a quoted label Mermaid decodes `#name;` and `#123;` into the HTML entities `&name;` and `&#123;`.
// Everything that could end the label, open markup or an entity, start a Markdown string, read as a node
// shape or leave the code fence of the document is written that way.
const ENTITIES: { readonly [c: string]: string } = {
  '#': '#35;',
  '"': '#quot;',
  '&': '#amp;',
  '<': '#lt;',
  '>': '#gt;',
  '[': '#91;',
  ']': '#93;',
  '{': '#123;',
  '}': '#125;',
  '|': '#124;',
  '`': '#96;',
  '\\': '#92;',
};

/**
 * Plain text as the inside of a quoted Mermaid label: the characters Mermaid or HTML would read are written as
 * Mermaid entity codes (`"` as `#quot;`, `#` as `#35;`, `<` as `#lt;`), line breaks and tabs become spaces.
 * @see https://mermaid.js.org/syntax/flowchart.html#entity-codes-to-escape-characters
 * @internal
 */
export function mermaidText(text: string): string {
  return text
    .replace(/[\r\n\t\u2028\u2029]+/g, ' ')
    .replace(/[#"&<>[\]{}|`\\]/g, c => ENTITIES[c]);
}

/** A quoted label from plain-text lines, joined by line breaks. @internal */
export function mermaidLabel(lines: readonly string[]): string {
  return `"${lines.map(mermaidText).join('<br/>')}"`;
}

/** The flowchart's Mermaid text, without a code fence. @internal */
export function renderFlowchart(chart: MermaidFlowchart): string {
  const out: string[] = [`flowchart ${chart.direction}`];
  for (const name of Object.keys(chart.classes)) {
    if (!/^[A-Za-z][A-Za-z0-9]*$/.test(name)) {
      throw invalidMermaidClassName(name);
    }
    out.push(`  classDef ${name} ${chart.classes[name]}`);
  }
  const node = (n: MermaidNode, indent: string) => {
    out.push(`${indent}${n.id}[${mermaidLabel(n.lines)}]${n.className ? `:::${n.className}` : ''}`);
  };
  const group = (g: MermaidGroup, indent: string) => {
    out.push(`${indent}subgraph ${g.id} [${mermaidLabel([g.title])}]`);
    for (const n of g.nodes) {
      node(n, `${indent}  `);
    }
    for (const inner of g.groups) {
      group(inner, `${indent}  `);
    }
    out.push(`${indent}end`);
  };
  for (const g of chart.groups) {
    group(g, '  ');
  }
  for (const n of chart.nodes) {
    node(n, '  ');
  }
  for (const section of chart.edgeSections) {
    out.push(`  %% ${section.comment.replace(/[\r\n]+/g, ' ')}`);
    for (const e of section.edges) {
      const arrow = e.style === MermaidEdgeStyle.DOTTED ? '-.->' : '-->';
      out.push(`  ${e.from} ${arrow}${e.label !== undefined ? `|${mermaidLabel([e.label])}|` : ''} ${e.to}`);
    }
  }
  return out.join('\n');
}
