import { escapeText, isBareKey, isIdentifier, quote } from './escape';
import { HclBodyItem, HclExpression, HclTemplatePart } from './expression';
import { hclHeaderLineBreak, hclNumberNotFinite, invalidHclIdentifier } from '../../core/errors';

// Deterministic HCL formatting:
// - 2-space indent; `name = value` with one space either side of `=`, never aligned (adding an attribute
//   never rewrites its neighbours);
// - a list is written on one line when it is empty or has one single-line item, otherwise one item per line
//   with a trailing comma; an object is `{}` when empty, otherwise one `key = value` per line;
// - object keys bare when they are identifiers (not keywords), quoted otherwise, in the order given;
// - blocks `type "label" {` … `}`, `type "label" {}` when empty; no blank lines inside a body;
// - a file is the header as `# line` comments, a blank line, then the top-level items separated by one blank
//   line, and ends with one newline.

const INDENT = '  ';

/** The HCL file made of `items`, preceded by `header` as `# line` comments. */
export function renderHclFile(items: HclBodyItem[], header: string[] = []): string {
  const out: string[] = [];
  for (const line of header) {
    if (/[\r\n\u2028\u2029]/.test(line)) {
      throw hclHeaderLineBreak(line);
    }
    out.push(line === '' ? '#' : `# ${line}`);
  }
  const blocks = items.map(item => renderBodyItem(item, ''));
  if (out.length > 0 && blocks.length > 0) {
    out.push('');
  }
  out.push(blocks.join('\n\n'));
  return out.join('\n').replace(/\n*$/, '\n');
}

/** One attribute or block at `indent`, without a trailing newline. */
export function renderBodyItem(item: HclBodyItem, indent: string): string {
  if (item.kind === 'attribute') {
    assertIdentifier(item.name, 'attribute name');
    return `${indent}${item.name} = ${renderExpression(item.value, indent)}`;
  }
  assertIdentifier(item.type, 'block type');
  const head = [item.type, ...item.labels.map(quote)].join(' ');
  if (item.body.length === 0) {
    return `${indent}${head} {}`;
  }
  const inner = item.body.map(child => renderBodyItem(child, indent + INDENT));
  return `${indent}${head} {\n${inner.join('\n')}\n${indent}}`;
}

/** `expr` as it appears after `=` in a body at `indent`; may span lines. */
export function renderExpression(expr: HclExpression, indent: string): string {
  switch (expr.kind) {
    case 'list': {
      if (expr.items.length === 0) {
        return '[]';
      }
      const items = expr.items.map(item => renderExpression(item, indent + INDENT));
      if (items.length === 1 && !items[0].includes('\n')) {
        return `[${items[0]}]`;
      }
      return `[\n${items.map(i => `${indent}${INDENT}${i},`).join('\n')}\n${indent}]`;
    }
    case 'object': {
      if (expr.entries.length === 0) {
        return '{}';
      }
      const lines = expr.entries.map(e => `${indent}${INDENT}${renderKey(e.key)} = ${renderExpression(e.value, indent + INDENT)}`);
      return `{\n${lines.join('\n')}\n${indent}}`;
    }
    default:
      return renderInline(expr);
  }
}

/** `expr` on one line (inside a template interpolation, or a scalar). */
export function renderInline(expr: HclExpression): string {
  switch (expr.kind) {
    case 'template':
      return renderTemplate(expr.parts);
    case 'number':
      if (!Number.isFinite(expr.value)) {
        throw hclNumberNotFinite(expr.value);
      }
      return String(expr.value);
    case 'bool':
      return expr.value ? 'true' : 'false';
    case 'null':
      return 'null';
    case 'list':
      return `[${expr.items.map(renderInline).join(', ')}]`;
    case 'object':
      return expr.entries.length === 0 ? '{}' : `{ ${expr.entries.map(e => `${renderKey(e.key)} = ${renderInline(e.value)}`).join(', ')} }`;
    case 'identifier':
      assertIdentifier(expr.name, 'identifier');
      return expr.name;
    case 'raw':
      return expr.source;
  }
}

/** An object key: bare when HCL reads it back as the same string, quoted otherwise. */
function renderKey(key: string): string {
  return isBareKey(key) ? key : quote(key);
}

/**
 * A quoted template. Adjacent text parts are joined before escaping, so that text split across parts is
 * escaped as a whole. A run of `$` that ends a text part right before an interpolation is written as an
 * interpolated string (`${"$"}`): written as it is, `$${` would turn the interpolation into literal text.
 */
function renderTemplate(parts: HclTemplatePart[]): string {
  const merged: HclTemplatePart[] = [];
  for (const part of parts) {
    const last = merged[merged.length - 1];
    if (part.kind === 'text' && last?.kind === 'text') {
      merged[merged.length - 1] = { kind: 'text', text: last.text + part.text };
    } else {
      merged.push(part);
    }
  }
  let out = '';
  merged.forEach((part, i) => {
    switch (part.kind) {
      case 'text': {
        const next = merged[i + 1];
        const dollars = next && next.kind !== 'text' ? /\$+$/.exec(part.text)?.[0] ?? '' : '';
        out += escapeText(part.text.slice(0, part.text.length - dollars.length));
        if (dollars) {
          out += `\${${quote(dollars)}}`;
        }
        break;
      }
      case 'ref':
        assertIdentifier(part.name, 'variable reference');
        out += `\${${part.name}}`;
        break;
      case 'call':
        assertIdentifier(part.name, 'function name');
        out += `\${${part.name}(${part.args.map(renderInline).join(', ')})}`;
        break;
    }
  });
  return `"${out}"`;
}

function assertIdentifier(name: string, what: string): void {
  if (!isIdentifier(name)) {
    throw invalidHclIdentifier(what, name);
  }
}

