// Escape hatches for generated YAML and JSON files, with the semantics of projen's `ObjectFile.addOverride`:
// a dotted path (`\.` for a literal dot), intermediate objects created as needed, an object value merged into
// an object already there, `undefined` (addDeletionOverride) removing the key. In addition, a numeric segment
// addresses an element of a list that is already there (`jobs.lint.steps.0.name`); an index equal to the
// list's length appends. Overrides are applied, in the order they were added, to a copy of the computed object,
// before it is validated and rendered, so they go through the same checks and escaping as everything else.

interface Override {
  readonly path: string;
  readonly segments: string[];
  readonly value: unknown;
  readonly deletion: boolean;
}

/**
 * The overrides of one file, in the order they were added.
 * @internal
 */
export class Overrides {
  private readonly list: Override[] = [];

  /** Records an override of `path` with `value`. */
  public set(path: string, value: unknown): void {
    this.list.push({ path, segments: splitPath(path), value: copyData(value), deletion: value === undefined });
  }

  /** Records the deletion of `path`. */
  public delete(path: string): void {
    this.list.push({ path, segments: splitPath(path), value: undefined, deletion: true });
  }

  /** Whether any override was recorded. */
  public get isEmpty(): boolean {
    return this.list.length === 0;
  }

  /**
   * A copy of `object` with every override applied, and the overrides that could not be (an empty path, an
   * index past the end of a list).
   */
  public apply(object: unknown): { object: unknown; problems: string[] } {
    if (this.list.length === 0) {
      // Nothing to apply: the computed object is the file's (each computation builds a new one).
      return { object: isPlainObject(object) ? object : {}, problems: [] };
    }
    const copy = copyData(object);
    const out = isPlainObject(copy) ? copy : {};
    const problems: string[] = [];
    for (const o of this.list) {
      if (o.segments.some(s => s === '')) {
        problems.push(`override "${o.path}": the path has an empty segment (separate keys with single dots, write \\. for a dot in a key)`);
        continue;
      }
      const problem = o.deletion ? remove(out, o.segments) : set(out, o.segments, copyData(o.value));
      if (problem) {
        problems.push(`override "${o.path}": ${problem}`);
      }
    }
    return { object: out, problems };
  }
}

/** Splits a dotted path, with `\` escaping the next character (projen's `splitOnPeriods`). */
export function splitPath(path: string): string[] {
  const out = [''];
  for (let i = 0; i < path.length; i++) {
    if (path[i] === '\\' && i + 1 < path.length) {
      out[out.length - 1] += path[++i];
    } else if (path[i] === '.') {
      out.push('');
    } else {
      out[out.length - 1] += path[i];
    }
  }
  return out;
}

/** A list index (`0`, `12`), or undefined when `segment` is not one. */
function indexOf(segment: string): number | undefined {
  return /^(0|[1-9][0-9]*)$/.test(segment) ? Number(segment) : undefined;
}

function set(root: { [key: string]: unknown }, segments: string[], value: unknown): string | undefined {
  let curr: any = root;
  for (const [i, segment] of segments.entries()) {
    const last = i === segments.length - 1;
    if (Array.isArray(curr)) {
      const index = indexOf(segment);
      if (index === undefined || index > curr.length) {
        return `"${segment}" is not an index of the list at "${segments.slice(0, i).join('.')}" (0 to ${curr.length}; ${curr.length} appends)`;
      }
      if (last) {
        curr[index] = merge(curr[index], value);
      } else {
        if (!isContainer(curr[index])) {
          curr[index] = {};
        }
        curr = curr[index];
      }
      continue;
    }
    if (last) {
      setKey(curr, segment, merge(ownValue(curr, segment), value));
    } else {
      if (!isContainer(ownValue(curr, segment))) {
        setKey(curr, segment, {});
      }
      curr = curr[segment];
    }
  }
  return undefined;
}

function remove(root: { [key: string]: unknown }, segments: string[]): string | undefined {
  let curr: any = root;
  for (const [i, segment] of segments.entries()) {
    const last = i === segments.length - 1;
    if (Array.isArray(curr)) {
      const index = indexOf(segment);
      if (index === undefined || index >= curr.length) {
        return undefined;
      }
      if (last) {
        curr.splice(index, 1);
        return undefined;
      }
      curr = curr[index];
    } else if (isPlainObject(curr) && Object.prototype.hasOwnProperty.call(curr, segment)) {
      if (last) {
        delete curr[segment];
        return undefined;
      }
      curr = curr[segment];
    } else {
      return undefined;
    }
  }
  return undefined;
}

/** `value` merged into `existing` when both are objects (projen's deep merge), otherwise `value`. */
function merge(existing: unknown, value: unknown): unknown {
  if (!isPlainObject(existing) || !isPlainObject(value)) {
    return value;
  }
  for (const [k, v] of Object.entries(value)) {
    if (v === undefined) {
      delete existing[k];
    } else {
      setKey(existing, k, merge(ownValue(existing, k), v));
    }
  }
  return existing;
}

function ownValue(obj: { [key: string]: unknown }, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(obj, key) ? obj[key] : undefined;
}

function isContainer(x: unknown): boolean {
  return Array.isArray(x) || isPlainObject(x);
}

function isPlainObject(x: unknown): x is { [key: string]: unknown } {
  return x !== null && typeof x === 'object' && !Array.isArray(x);
}

/** A deep copy of plain data (lists and objects copied, other values kept). */
function copyData(x: unknown): unknown {
  if (Array.isArray(x)) {
    return x.map(copyData);
  }
  if (isPlainObject(x)) {
    const out: { [key: string]: unknown } = {};
    for (const [k, v] of Object.entries(x)) {
      setKey(out, k, copyData(v));
    }
    return out;
  }
  return x;
}

/** Sets an own, enumerable property, even for keys such as `__proto__`. @internal */
export function setKey(obj: object, key: string, value: unknown): void {
  if (key === '__proto__') {
    // The one key that assignment does not set (Object.prototype's setter would change the prototype).
    Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
  } else {
    (obj as { [key: string]: unknown })[key] = value;
  }
}
