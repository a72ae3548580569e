import { cyclesOf, dependenciesOf, formatCycle } from '../../src/core/graph';

describe('cyclesOf', () => {
  test('finds each cycle once, from its smallest node, sorted', () => {
    // GIVEN
    const edges = new Map([['a', ['b']], ['b', ['c', 'a']], ['c', ['a']], ['d', ['d']], ['e', ['a']]]);
    // THEN
    expect(cyclesOf(['a', 'b', 'c', 'd', 'e'], n => edges.get(n) ?? [])).toEqual([['a', 'b', 'a'], ['a', 'b', 'c', 'a'], ['d', 'd']]);
  });

  test('writes a cycle the same way whichever node the search starts from', () => {
    const edges = new Map([['x', ['y']], ['y', ['z']], ['z', ['x']]]);
    for (const start of ['x', 'y', 'z']) {
      expect(cyclesOf([start], n => edges.get(n) ?? []).map(formatCycle)).toEqual(['x => y => z => x']);
    }
  });

  test('an acyclic graph has none', () => {
    const edges = new Map([['a', ['b', 'c']], ['b', ['c']]]);
    expect(cyclesOf(['a', 'b', 'c'], n => edges.get(n) ?? [])).toEqual([]);
  });

  test('orders by the comparison it is given', () => {
    const edges = new Map([['B', ['a']], ['a', ['B']]]);
    const byLowerCase = (x: string, y: string) => x.toLowerCase().localeCompare(y.toLowerCase());
    expect(cyclesOf(['B', 'a'], n => edges.get(n) ?? [], byLowerCase)).toEqual([['a', 'B', 'a']]);
  });
});

describe('dependenciesOf', () => {
  test('lists every dependency once, each after what it depends on', () => {
    // GIVEN: d needs b and c, both need a
    const deps = new Map([['d', ['b', 'c']], ['b', ['a']], ['c', ['a']]]);
    // THEN
    expect(dependenciesOf('d', n => deps.get(n) ?? [])).toEqual(['a', 'b', 'c']);
  });

  test('stops at a cycle and leaves out the node itself', () => {
    const deps = new Map([['a', ['b']], ['b', ['a']]]);
    expect(dependenciesOf('a', n => deps.get(n) ?? [])).toEqual(['b']);
  });
});
