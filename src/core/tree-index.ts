import { IConstruct } from 'constructs';

// What rules, validations and emitters look up over the whole tree, computed once per synthesis. Outside a
// synthesis the tree may still change, so every lookup walks it afresh; inside one (the app's preSynthesize,
// where everything is validated, checked and rendered) the tree is frozen, and each lookup is computed once and
// shared: one walk of the tree instead of one per construct that asks.

const INDEX = Symbol.for('lucid-cdk.TreeIndex');

interface Index {
  readonly all: IConstruct[];
  readonly memo: Map<string, unknown>;
}

function indexOf(root: IConstruct): Index | undefined {
  return (root as unknown as { [INDEX]?: Index })[INDEX];
}

/**
 * Runs `fn` with the tree under `root` indexed: `findAll` and `memo` under `root` compute once until `fn`
 * returns. Nested calls reuse the outer index. @internal
 */
export function withTreeIndex<T>(root: IConstruct, fn: () => T): T {
  if (indexOf(root)) {
    return fn();
  }
  Object.defineProperty(root, INDEX, { value: { all: root.node.findAll(), memo: new Map() }, configurable: true });
  try {
    return fn();
  } finally {
    delete (root as unknown as { [INDEX]?: Index })[INDEX];
  }
}

/** Every construct under `root` (itself included), in tree order. @internal */
export function findAll(root: IConstruct): IConstruct[] {
  return indexOf(root)?.all ?? root.node.findAll();
}

/**
 * `compute()`, kept under `key` for the rest of the synthesis when `root` is indexed; computed every time
 * otherwise. @internal
 */
export function memo<T>(root: IConstruct, key: string, compute: () => T): T {
  const index = indexOf(root);
  if (!index) {
    return compute();
  }
  if (!index.memo.has(key)) {
    index.memo.set(key, compute());
  }
  return index.memo.get(key) as T;
}
