import { BakeString, BakeValue, BakeVariableType } from '../../src/bake';

describe('BakeString', () => {
  test('a literal references no variable, whatever it contains', () => {
    // GIVEN
    const s = BakeString.literal('${TAG} %{ x }');
    // THEN
    expect(s.variables).toEqual([]);
    expect(s.literalValue).toBe('${TAG} %{ x }');
    expect(s.literalPrefix).toBe('${TAG} %{ x }');
  });

  test('a template parses each ${NAME} as a reference, in order of first use', () => {
    // GIVEN
    const s = BakeString.template('${REGISTRY}/lucid-api:${TAG}-${REGISTRY}');
    // THEN
    expect(s.variables).toEqual(['REGISTRY', 'TAG']);
    expect(s.literalValue).toBeUndefined();
    expect(s.literalPrefix).toBe('');
    expect(s._parts).toEqual([
      { variable: 'REGISTRY' }, { text: '/lucid-api:' }, { variable: 'TAG' }, { text: '-' }, { variable: 'REGISTRY' },
    ]);
  });

  test('a template leaves every other ${ and %{ as literal text', () => {
    // GIVEN
    const s = BakeString.template('${ TAG } ${a.b} ${1X} ${} %{if x} $TAG ${TAG');
    // THEN
    expect(s.variables).toEqual([]);
    expect(s.literalValue).toBe('${ TAG } ${a.b} ${1X} ${} %{if x} $TAG ${TAG');
  });

  test('a template keeps the "$" before a reference as literal text', () => {
    // GIVEN
    const s = BakeString.template('$${TAG}');
    // THEN
    expect(s._parts).toEqual([{ text: '$' }, { variable: 'TAG' }]);
  });

  test('concat keeps the literal text and references of each part', () => {
    // GIVEN
    const s = BakeString.concat(BakeString.variable('REGISTRY'), BakeString.literal('/${x}:'), BakeString.template('${TAG}'));
    // THEN
    expect(s.variables).toEqual(['REGISTRY', 'TAG']);
    expect(s.literalPrefix).toBe('');
    expect(s.toString()).toBe('${REGISTRY}/${x}:${TAG}');
  });

  test('literalPrefix is the text before the first reference', () => {
    // THEN
    expect(BakeString.template('target:${X}').literalPrefix).toBe('target:');
  });

  test('an invalid variable name is rejected', () => {
    // THEN
    expect(() => BakeString.variable('A-B')).toThrow(/invalid bake variable name "A-B"/);
    expect(() => BakeString.variable('')).toThrow(/invalid bake variable name/);
  });

  test('concat rejects plain strings', () => {
    // THEN
    expect(() => BakeString.concat('x' as any)).toThrow(/takes BakeString values/);
  });

  test('isBakeString recognizes BakeString values only', () => {
    // THEN
    expect(BakeString.isBakeString(BakeString.literal(''))).toBe(true);
    expect(BakeString.isBakeString('x')).toBe(false);
    expect(BakeString.isBakeString({ _parts: [] })).toBe(false);
    expect(BakeString.isBakeString(null)).toBe(false);
  });
});

describe('BakeValue', () => {
  test('each factory states its type', () => {
    // THEN
    expect(BakeValue.fromString(BakeString.literal('x')).valueType).toBe(BakeVariableType.STRING);
    expect(BakeValue.fromNumber(3).valueType).toBe(BakeVariableType.NUMBER);
    expect(BakeValue.fromBoolean(true).valueType).toBe(BakeVariableType.BOOL);
    expect(BakeValue.fromStringList([]).valueType).toBe(BakeVariableType.LIST_OF_STRING);
  });

  test('strings lists the strings a value holds', () => {
    // GIVEN
    const a = BakeString.literal('a');
    const b = BakeString.template('${B}');
    // THEN
    expect(BakeValue.fromString(a).strings).toEqual([a]);
    expect(BakeValue.fromStringList([a, b]).strings).toEqual([a, b]);
    expect(BakeValue.fromNumber(1).strings).toEqual([]);
    expect(BakeValue.isBakeValue(BakeValue.fromBoolean(false))).toBe(true);
    expect(BakeValue.isBakeValue(true)).toBe(false);
  });
});
