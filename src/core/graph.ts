// The dependency graph logic every emitter shares: what a node depends on, transitively, and the cycles of a
// graph, each found once and written one way (`a => b => a`, from its smallest node). In the spirit of cdk8s's
// DependencyGraph; the graphs are small and given as functions, so nothing is built that is not walked.

/**
 * Everything `node` depends on through `next`, transitively, dependencies first (a node after everything it
 * needs), each once; `node` itself is not included. @internal
 */
export function dependenciesOf<T>(node: T, next: (n: T) => readonly T[]): T[] {
  const out: T[] = [];
  const seen = new Set<T>([node]);
  const visit = (n: T) => {
    for (const d of next(n)) {
      if (!seen.has(d)) {
        seen.add(d);
        visit(d);
        out.push(d);
      }
    }
  };
  visit(node);
  return out;
}

/**
 * The cycles of the graph `edges` over `nodes`: each once, rotated to start at its smallest node (by
 * `compare`), closed by that node again, sorted. @internal
 */
export function cyclesOf(nodes: readonly string[], edges: (n: string) => readonly string[],
  compare: (a: string, b: string) => number = (a, b) => (a < b ? -1 : a > b ? 1 : 0)): string[][] {
  const state = new Map<string, 'active' | 'done'>();
  const stack: string[] = [];
  const found = new Map<string, string[]>();
  const visit = (n: string) => {
    state.set(n, 'active');
    stack.push(n);
    for (const next of edges(n)) {
      const s = state.get(next);
      if (s === 'active') {
        const cycle = canonical(stack.slice(stack.indexOf(next)), compare);
        found.set(cycle.join('\u0000'), cycle);
      } else if (s === undefined) {
        visit(next);
      }
    }
    stack.pop();
    state.set(n, 'done');
  };
  for (const n of nodes) {
    if (!state.has(n)) {
      visit(n);
    }
  }
  return [...found.values()].sort((a, b) => {
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
      const c = compare(a[i], b[i]);
      if (c !== 0) {
        return c;
      }
    }
    return a.length - b.length;
  });
}

/** A cycle as it is written in every message: `a => b => a`. @internal */
export function formatCycle(cycle: readonly string[]): string {
  return cycle.join(' => ');
}

function canonical(cycle: string[], compare: (a: string, b: string) => number): string[] {
  let start = 0;
  cycle.forEach((n, i) => {
    if (compare(n, cycle[start]) < 0) {
      start = i;
    }
  });
  const rotated = [...cycle.slice(start), ...cycle.slice(0, start)];
  return [...rotated, rotated[0]];
}
