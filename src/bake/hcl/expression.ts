// The value model of the HCL writer: every value says what it is, so nothing is ever guessed from a string's
// content. Internal to lucid-cdk (not exported from the package index): the bake model converts to it.
//
// @see https://github.com/hashicorp/hcl/blob/main/hclsyntax/spec.md

/** One piece of a template string. */
export type HclTemplatePart =
  /** Text taken as it is: escaped on output so that HCL reads back exactly `text`. */
  | { readonly kind: 'text'; readonly text: string }
  /** A variable reference, written `${name}`. */
  | { readonly kind: 'ref'; readonly name: string }
  /** A function call, written `${name(arg, …)}`. */
  | { readonly kind: 'call'; readonly name: string; readonly args: HclExpression[] };

/** An entry of an object constructor. Keys are literal strings. */
export interface HclObjectEntry {
  readonly key: string;
  readonly value: HclExpression;
}

/** An HCL expression. */
export type HclExpression =
  /** A quoted template. A literal string is a template of one text part. */
  | { readonly kind: 'template'; readonly parts: HclTemplatePart[] }
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'bool'; readonly value: boolean }
  | { readonly kind: 'null' }
  | { readonly kind: 'list'; readonly items: HclExpression[] }
  | { readonly kind: 'object'; readonly entries: HclObjectEntry[] }
  /** A bare variable reference (`TAG`), or a type keyword (`string`). The name must be an HCL identifier. */
  | { readonly kind: 'identifier'; readonly name: string }
  /**
   * HCL source written as it is, UNESCAPED. Only for expressions that cannot be modelled as values:
   * a variable's `validation { condition = … }` and a function's `result`.
   */
  | { readonly kind: 'raw'; readonly source: string };

/** An attribute of a body: `name = value`. */
export interface HclAttribute {
  readonly kind: 'attribute';
  readonly name: string;
  readonly value: HclExpression;
}

/** A block: `type "label" … { body }`. */
export interface HclBlock {
  readonly kind: 'block';
  readonly type: string;
  readonly labels: string[];
  readonly body: HclBodyItem[];
}

/** An item of a body: an attribute or a nested block, written in the order given. */
export type HclBodyItem = HclAttribute | HclBlock;

/** A literal string: no part of it is interpolated. */
export function str(value: string): HclExpression {
  return { kind: 'template', parts: [{ kind: 'text', text: value }] };
}

/** A template string made of `parts`. */
export function template(parts: HclTemplatePart[]): HclExpression {
  return { kind: 'template', parts };
}

/** A text part of a template. */
export function text(value: string): HclTemplatePart {
  return { kind: 'text', text: value };
}

/** A `${name}` part of a template. */
export function ref(name: string): HclTemplatePart {
  return { kind: 'ref', name };
}

/** A `${name(args…)}` part of a template. */
export function call(name: string, args: HclExpression[]): HclTemplatePart {
  return { kind: 'call', name, args };
}

/** A number. Must be finite. */
export function num(value: number): HclExpression {
  return { kind: 'number', value };
}

/** `true` or `false`. */
export function bool(value: boolean): HclExpression {
  return { kind: 'bool', value };
}

/** `null`. */
export const NULL: HclExpression = { kind: 'null' };

/** A tuple (list) constructor. */
export function list(items: HclExpression[]): HclExpression {
  return { kind: 'list', items };
}

/** An object constructor with the entries in the order given. */
export function object(entries: HclObjectEntry[]): HclExpression {
  return { kind: 'object', entries };
}

/** A bare identifier: a variable reference or a type keyword. */
export function identifier(name: string): HclExpression {
  return { kind: 'identifier', name };
}

/** HCL source written as it is, unescaped. See `HclExpression`. */
export function raw(source: string): HclExpression {
  return { kind: 'raw', source };
}

/** An attribute `name = value`. */
export function attribute(name: string, value: HclExpression): HclAttribute {
  return { kind: 'attribute', name, value };
}

/** A block `type "labels"… { body }`. */
export function block(type: string, labels: string[], body: HclBodyItem[]): HclBlock {
  return { kind: 'block', type, labels, body };
}
