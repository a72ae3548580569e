import { Overrides, splitPath } from '../../src/core/overrides';

/** `object` with `build`'s overrides applied. */
function applied(object: unknown, build: (o: Overrides) => void): { object: any; problems: string[] } {
  const o = new Overrides();
  build(o);
  return o.apply(object);
}

describe('splitPath', () => {
  test('splits on dots and reads a backslash as escaping the next character, as projen does', () => {
    expect(splitPath('a.b.c')).toEqual(['a', 'b', 'c']);
    expect(splitPath('labels.org\\.lucid\\.team')).toEqual(['labels', 'org.lucid.team']);
    expect(splitPath('a\\\\.b')).toEqual(['a\\', 'b']);
  });
});

describe('Overrides', () => {
  test('a value is set at a dotted path, creating the objects on the way', () => {
    // GIVEN
    const object = { services: { api: { image: 'x' } } };
    // WHEN
    const { object: out, problems } = applied(object, o => {
      o.set('services.api.mem_limit', '256m');
      o.set('x-lucid.owner.team', 'ops');
    });
    // THEN
    expect(problems).toEqual([]);
    expect(out).toEqual({ 'services': { api: { image: 'x', mem_limit: '256m' } }, 'x-lucid': { owner: { team: 'ops' } } });
  });

  test('the computed object is left unchanged, and so is the value given', () => {
    // GIVEN
    const object = { a: { b: [1, 2] } };
    const value = { c: [3] };
    // WHEN
    const { object: out } = applied(object, o => o.set('a.x', value));
    value.c.push(4);
    // THEN
    expect(object).toEqual({ a: { b: [1, 2] } });
    expect(out.a.x).toEqual({ c: [3] });
  });

  test('an object value is merged into the object already there; any other value replaces it', () => {
    const { object } = applied({ a: { keep: 1, change: 2 }, list: [1, 2] }, o => {
      o.set('a', { change: 3, added: 4 });
      o.set('list', [9]);
    });
    expect(object).toEqual({ a: { keep: 1, change: 3, added: 4 }, list: [9] });
  });

  test('a numeric segment addresses an element of a list, and the list\'s length appends', () => {
    // GIVEN
    const object = { steps: [{ name: 'one' }, { name: 'two' }] };
    // WHEN
    const { object: out, problems } = applied(object, o => {
      o.set('steps.1.name', 'second');
      o.set('steps.2', { name: 'three' });
    });
    // THEN
    expect(problems).toEqual([]);
    expect(out.steps).toEqual([{ name: 'one' }, { name: 'second' }, { name: 'three' }]);
  });

  test('a numeric segment on an object is a key, as in projen', () => {
    const { object } = applied({ m: {} }, o => o.set('m.0', 'zero'));
    expect(object).toEqual({ m: { 0: 'zero' } });
  });

  test('an index past the end of a list, or a name used as an index, is a problem', () => {
    const { problems } = applied({ steps: [{}] }, o => {
      o.set('steps.5.name', 'x');
      o.set('steps.first', 'x');
    });
    expect(problems).toEqual([
      'override "steps.5.name": "5" is not an index of the list at "steps" (0 to 1; 1 appends)',
      'override "steps.first": "first" is not an index of the list at "steps" (0 to 1; 1 appends)',
    ]);
  });

  test('a path with an empty segment is a problem', () => {
    const { problems } = applied({}, o => o.set('a..b', 1));
    expect(problems).toEqual(['override "a..b": the path has an empty segment (separate keys with single dots, write \\. for a dot in a key)']);
  });

  test('a deletion removes a key or a list element, and a missing path is no change', () => {
    // GIVEN
    const object = { a: { b: 1, c: 2 }, list: ['x', 'y', 'z'] };
    // WHEN
    const { object: out, problems } = applied(object, o => {
      o.delete('a.b');
      o.delete('list.1');
      o.delete('missing.deeper');
      o.delete('list.9');
    });
    // THEN
    expect(problems).toEqual([]);
    expect(out).toEqual({ a: { c: 2 }, list: ['x', 'z'] });
  });

  test('overrides apply in the order they were added: the last one wins', () => {
    const { object } = applied({ a: 1 }, o => {
      o.set('a', 2);
      o.delete('a');
      o.set('b', 1);
      o.set('b', undefined);
    });
    expect(object).toEqual({});
  });

  test('keys such as __proto__ become own keys, never the prototype', () => {
    const { object } = applied({}, o => o.set('labels.__proto__', 'x'));
    expect(Object.getOwnPropertyNames(object.labels)).toEqual(['__proto__']);
    expect(({} as any).x).toBeUndefined();
  });
});
