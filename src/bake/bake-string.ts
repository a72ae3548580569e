import { invalidBakeVariableName, notABakeString } from '../core/errors';

const BAKE_STRING = Symbol.for('lucid-cdk.bake.BakeString');

/** The names bake variables can have: an environment variable's (bake overrides a variable from the environment). */
const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** `${NAME}` in a template, and nothing else. */
const REFERENCE = /\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

/** One piece of a `BakeString`: literal text, or a variable reference. */
type Part = { readonly text?: string; readonly variable?: string };

/**
 * A string value of a bake file that says which of its parts are variable references. Everything else is
 * literal text: written so that bake reads it back exactly (quotes, backslashes, line breaks, `${`, `%{`).
 *
 * @example
 * BakeString.literal('label with ${braces}');            // exactly that text
 * BakeString.template('${REGISTRY}/lucid-api:${TAG}');   // two variable references
 *
 * @see https://docs.docker.com/build/bake/variables/
 */
export class BakeString {
  /**
   * Whether `x` is a `BakeString`. Checked through a symbol, so it holds across copies of lucid-cdk.
   */
  public static isBakeString(x: any): x is BakeString {
    return x !== null && typeof x === 'object' && BAKE_STRING in x;
  }

  /**
   * A string taken exactly as given: nothing in it is interpolated, not even `${NAME}`.
   *
   * @param value the text
   */
  public static literal(value: string): BakeString {
    return new BakeString(value === '' ? [] : [{ text: value }]);
  }

  /**
   * A string in which each `${NAME}` (NAME a letter or `_`, then letters, digits or `_`) is a reference to the
   * bake variable NAME. Any other `${` or `%{` is literal text (`${ TAG }`, `${a.b}`, `%{if x}` are not
   * interpolated). To put a literal `${NAME}` in a value, `concat` a `literal`.
   *
   * @param text the template, e.g. `${REGISTRY}/lucid-api:${TAG}`
   */
  public static template(text: string): BakeString {
    const parts: Part[] = [];
    let last = 0;
    for (const m of text.matchAll(REFERENCE)) {
      if (m.index! > last) {
        parts.push({ text: text.slice(last, m.index) });
      }
      parts.push({ variable: m[1] });
      last = m.index! + m[0].length;
    }
    if (last < text.length) {
      parts.push({ text: text.slice(last) });
    }
    return new BakeString(parts);
  }

  /**
   * A reference to the bake variable `name`, alone.
   *
   * @param name a variable name: a letter or `_`, then letters, digits or `_`
   */
  public static variable(name: string): BakeString {
    if (!VARIABLE_NAME.test(name)) {
      throw invalidBakeVariableName(name);
    }
    return new BakeString([{ variable: name }]);
  }

  /**
   * The concatenation of `parts`, each keeping its own literal text and references.
   *
   * @param parts the strings to join, in order
   */
  public static concat(...parts: BakeString[]): BakeString {
    const all: Part[] = [];
    for (const p of parts) {
      if (!BakeString.isBakeString(p)) {
        throw notABakeString(p);
      }
      all.push(...p._parts);
    }
    return new BakeString(all);
  }

  /** @internal */
  public readonly _parts: ReadonlyArray<{ readonly text?: string; readonly variable?: string }>;

  private constructor(parts: Part[]) {
    Object.defineProperty(this, BAKE_STRING, { value: true });
    this._parts = Object.freeze(parts);
  }

  /** The names of the variables this string references, in order of first use. */
  public get variables(): string[] {
    return [...new Set(this._parts.filter(p => p.variable !== undefined).map(p => p.variable!))];
  }

  /**
   * The whole value when it references no variable, otherwise undefined.
   */
  public get literalValue(): string | undefined {
    if (this._parts.some(p => p.variable !== undefined)) {
      return undefined;
    }
    return this._parts.map(p => p.text).join('');
  }

  /**
   * The literal text this string starts with, before its first variable reference (the whole value when it
   * references none).
   */
  public get literalPrefix(): string {
    let prefix = '';
    for (const p of this._parts) {
      if (p.variable !== undefined) {
        break;
      }
      prefix += p.text;
    }
    return prefix;
  }

  /**
   * A readable form for messages: literal text as it is, references as `${NAME}`. Not an escaped form:
   * `literal('${X}')` and `variable('X')` print the same.
   */
  public toString(): string {
    return this._parts.map(p => p.variable !== undefined ? `\${${p.variable}}` : p.text).join('');
  }
}
