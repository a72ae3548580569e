import { Document, isScalar, parse, visit } from 'yaml';
import { readsBackAsItself, readsBackUnderYaml12 } from '../../src/core/yaml-scalars';
import { writeYaml } from '../../src/core/yaml-writer';
import { hostileStrings, minstd } from '../util/hostile';

// The writer is checked against the `yaml` library, the parser of record: the same layout for the same data,
// and every output read back, under YAML 1.1 and 1.2, as the data written.

const COMPOSE = { plain: readsBackAsItself };
const WORKFLOW = { plain: readsBackUnderYaml12, literals: true, singleQuotes: true };

/**
 * What the `yaml` library writes for `value` (lucid-cdk's files before the writer): the workflow as the library
 * chooses, compose and structure tests with every string that does not read back as itself double-quoted.
 */
function library(value: unknown, blockQuote: boolean): string {
  const doc = new Document(value, { aliasDuplicateObjects: false });
  if (!blockQuote) {
    visit(doc, {
      Scalar(_key, node) {
        if (typeof node.value === 'string' && isScalar(node) && !readsBackAsItself(node.value)) {
          node.type = 'QUOTE_DOUBLE';
        }
      },
    });
  }
  return doc.toString({ lineWidth: 0, blockQuote });
}

/** Random nested data: maps, sequences, empty ones, numbers, booleans, null and strings drawn from `strings`. */
function randomData(seed: number, strings: string[], depth = 0): unknown {
  const random = minstd(seed);
  const pick = () => strings[Math.floor(random() * strings.length)];
  const make = (d: number): unknown => {
    const r = random();
    if (d > 3 || r < 0.45) {
      const s = random();
      return s < 0.75 ? pick() : s < 0.85 ? Math.floor(random() * 1e6) - 500 : s < 0.9 ? random() < 0.5 : s < 0.95 ? null : random() * 100;
    }
    const n = Math.floor(random() * 4);
    if (r < 0.7) {
      return Object.fromEntries(Array.from({ length: n }, () => [pick(), make(d + 1)]));
    }
    return Array.from({ length: n }, () => make(d + 1));
  };
  return make(depth);
}

describe('the YAML writer', () => {
  test('lays out data as the yaml library does: indents, sequences under keys, empty collections, literals', () => {
    const data = {
      name: 'lucid',
      services: { api: { image: 'pickme/api:latest', ports: [{ target: 8080, published: 8080 }], cap_drop: ['ALL'], env: {} } },
      nested: [[1, 2], [{ a: [] }], {}, [], null, true, 1.5, -3],
      on: { push: { branches: ['main'] }, pull_request: {} },
      run: 'set -euo pipefail\necho "a"\n\necho b\n',
      set: 'a=1\nb=2',
      keep: 'x\n\n',
      quoted: 'say "hi": now',
      number: '8083',
    };
    expect(writeYaml(data, WORKFLOW)).toEqual(library(data, true));
    const { run, set, keep, ...oneLine } = data;
    expect(writeYaml(oneLine, COMPOSE)).toEqual(library(oneLine, false));
  });

  test('an empty document, a scalar document and a comment after a value', () => {
    expect(writeYaml({}, COMPOSE)).toEqual('{}\n');
    expect(writeYaml([], COMPOSE)).toEqual('[]\n');
    expect(writeYaml('yes', COMPOSE)).toEqual('"yes"\n');
    expect(writeYaml({ steps: [{ uses: 'a/b@1234', with: { x: 1 } }] }, { ...WORKFLOW, commentAfter: (k: string) => (k === 'uses' ? ' v1.2.3' : undefined) }))
      .toEqual('steps:\n  - uses: a/b@1234 # v1.2.3\n    with:\n      x: 1\n');
  });

  test('multi-line strings that a literal cannot hold unchanged are double-quoted, and the rest read back', () => {
    const values = [' \n', '\n', '\n\n', 'a\n', 'a\n\n', '\na', ' a\nb', 'a\n  ', 'a\n \nb', 'a\tb\nc', 'a\r\nb', 'a\u2028b\n', 'a\u0085\n', '# not a comment\nx', '- a\n- b'];
    const text = writeYaml({ list: values, map: Object.fromEntries(values.map((v, i) => [`k${i}`, v])) }, WORKFLOW);
    for (const version of ['1.1', '1.2'] as const) {
      const back = parse(text, { version });
      expect(back.list).toEqual(values);
      expect(Object.values(back.map)).toEqual(values);
    }
    expect(text).not.toMatch(/\|[0-9]/);
  });

  test('1,000 random documents of hostile keys and values read back unchanged under YAML 1.1 and 1.2', () => {
    const strings = hostileStrings(0x7a31, 2000, 'abcXYZ019_.:-+ \n')
      .filter(v => !/[\ud800-\udfff]/.test(v) || /^(?:[^\ud800-\udfff]|[\ud800-\udbff][\udc00-\udfff])*$/.test(v));
    for (let seed = 1; seed <= 1000; seed++) {
      const data = randomData(seed, strings);
      const expected = JSON.parse(JSON.stringify(data));
      const compose = writeYaml(data, COMPOSE);
      const workflow = writeYaml(data, WORKFLOW);
      for (const version of ['1.1', '1.2'] as const) {
        expect([seed, parse(compose, { version, uniqueKeys: false })]).toEqual([seed, expected]);
      }
      expect([seed, parse(workflow, { version: '1.2', uniqueKeys: false })]).toEqual([seed, expected]);
    }
  });
});
