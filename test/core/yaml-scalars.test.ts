import { parse, parseDocument, visit } from 'yaml';
import { FoundationService, HealthCheck, Testing } from '../../src';
import { isPlainWord, readsBackAsItself, stringifyYaml } from '../../src/core/yaml-scalars';
import { hostileStrings } from '../util/hostile';

// Go's yaml.v3 (compose, container-structure-test) resolves a plain scalar as an int when, with every "_"
// removed, strconv.ParseInt(s, 0, 64) accepts it: what this mirror says must never be written plain.
const GO_INT = /^[-+]?(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|[0-9]+)$/;

/** The plain (unquoted) string scalars of `text` that a Go reader would take for a number, or YAML 1.1 for another value. */
function misreadPlainScalars(text: string): string[] {
  const out: string[] = [];
  visit(parseDocument(text), {
    Scalar(_key, node) {
      const v = node.value;
      if (node.type === 'PLAIN' && typeof v === 'string' && (GO_INT.test(v.replace(/_/g, '')) || parse(v, { version: '1.1' }) !== v)) {
        out.push(v);
      }
    },
  });
  return out;
}

describe('YAML scalars every consumer reads back as written', () => {
  test('a health-check argument that yaml.v3 reads as an int is quoted in compose (defect: "0o17_" was written plain)', () => {
    // GIVEN
    const app = Testing.app();
    new FoundationService(app, 'cache', { image: 'redis:8.0', port: 6379, user: '999:999', healthCheck: HealthCheck.exec(['/usr/bin/python3', '0o17_']) });

    // WHEN
    const compose = Testing.synth(app)['docker-compose.yml'];

    // THEN
    expect(compose).toContain('- "0o17_"');
    expect(misreadPlainScalars(compose)).toEqual([]);
    expect(parse(compose).services.cache.healthcheck.test).toEqual(['CMD', '/usr/bin/python3', '0o17_']);
  });

  test('a foundation env name with a line break is refused with the construct path', () => {
    const app = Testing.app();
    new FoundationService(app, 'cache', {
      image: 'redis:8.0', port: 6379, healthCheck: HealthCheck.exec(['redis-cli', 'ping']), env: { 'A\nB': 'x' },
    });
    expect(Testing.problems(app)).toContainEqual(expect.stringMatching(/Lucid\/cache\] env name "A\\nB" is not a variable name compose can hold: use printable/));
  });

  test('a structure-test argument starting with a space and ending with a line break reads back unchanged', () => {
    const text = stringifyYaml({ commandTests: [{ name: 'x', command: '/bin/x', args: [' \n', '\n', ' a\n b', 'yes', '1_000', '0x_1F'] }] });
    expect(text).not.toMatch(/\|/);
    expect(parse(text).commandTests[0].args).toEqual([' \n', '\n', ' a\n b', 'yes', '1_000', '0x_1F']);
    expect(misreadPlainScalars(text)).toEqual([]);
  });

  test('1,000 hostile strings, as keys and values, read back unchanged by YAML 1.1 and 1.2 and are never plain where Go reads a number', () => {
    const values = hostileStrings(0x9a11, 1000, 'abcXYZ019_.:-+ ').filter(v => !/[\ud800-\udfff]/.test(v) || /[\ud800-\udbff][\udc00-\udfff]/.test(v));
    const object = { items: values, map: Object.fromEntries(values.map((v, i) => [`${v}`, String(i)])) };
    const text = stringifyYaml(object);
    for (const version of ['1.1', '1.2'] as const) {
      const back = parse(text, { version, uniqueKeys: false });
      expect(back.items).toEqual(values);
      expect(Object.keys(back.map).sort()).toEqual(Object.keys(object.map).sort());
    }
    expect(misreadPlainScalars(text)).toEqual([]);
    expect(values.filter(v => GO_INT.test(v.replace(/_/g, '')) && v.includes('_')).every(v => !readsBackAsItself(v))).toBe(true);
  });

  test('the strings accepted without parsing read back as themselves under YAML 1.1 and 1.2 and are no Go number', () => {
    const words = [
      ...hostileStrings(0x5eed, 3000, 'abyYnNoOfFtTeE019_./@+=- '),
      ...hostileStrings(0xe5, 3000, 'eE0159_.+-xXoObB '),
      ...hostileStrings(0x3a, 3000, 'aZ09:$${}/=@. -'),
      ...hostileStrings(0x1e7, 5000, 'aZ').map(v => `a${v}`), ...hostileStrings(0x2e7, 3000, 'aZ').map(v => `$${v}`),
      'y', 'Y', 'yes', 'No', 'ON', 'off', 'null', 'NULL', 'true', 'False', 'e5', 'E1_0', 'inf', 'nan', 'x_1', '/0o17_',
      'a b', 'a  b', 'a ', 'a:', 'a: b', 'a:b', 'http://x:8085', '${REGISTRY:-pickme}/x:${TAG:-latest}', '/tmp:size=64m', '/usr/bin/python3', 'pickme/lucid-api:latest', 'CAP_NET_BIND_SERVICE', 'a=b', 'a@sha256:00',
    ];
    const accepted = words.filter(isPlainWord);
    expect(accepted.length).toBeGreaterThan(2000);
    for (const word of accepted) {
      for (const version of ['1.1', '1.2'] as const) {
        expect([word, parse(word, { version })]).toEqual([word, word]);
      }
      expect([word, GO_INT.test(word.replace(/_/g, ''))]).toEqual([word, false]);
    }
    expect(['y', 'No', 'ON', 'null', 'a ', 'e5', 'a:', 'a: b', 'a #b', '1:30', '65532:65532', 'a\ud800'].filter(isPlainWord)).toEqual([]);
    expect(['a:b', 'a  b', 'a, [b]:{c}', 'import sys; sys.exit(0 if 200 <= r.status < 300 else 1)', 'http://x:8085', '${REGISTRY:-pickme}/x:${TAG:-latest}', '/tmp:size=64m'].every(isPlainWord)).toBe(true);
  });
});
