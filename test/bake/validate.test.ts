import { lucidBake } from './models';
import { BakeFileModel, BakeString, BakeTarget, BakeValue, BakeVariable, BakeVariableType } from '../../src/bake';
import { validateBakeModel } from '../../src/bake/validate';

const lit = BakeString.literal;
const tpl = BakeString.template;

function model(targets: BakeTarget[], extra: Partial<BakeFileModel> = {}): BakeFileModel {
  return { variables: [], groups: [], targets, ...extra };
}

describe('validateBakeModel', () => {
  test('the Lucid build graph is valid', () => {
    // THEN
    expect(validateBakeModel(lucidBake())).toEqual([]);
  });

  test('target and group names follow bake\'s rule', () => {
    // GIVEN
    const m = model([{ name: 'ok_Name-1' }, { name: 'a.b' }, { name: '' }], { groups: [{ name: 'g/1', targets: [] }] });
    // THEN
    expect(validateBakeModel(m)).toEqual([
      'group "g/1": invalid name; bake allows only letters, digits, "_" and "-"',
      'target "a.b": invalid name; bake allows only letters, digits, "_" and "-"',
      'target "": invalid name; bake allows only letters, digits, "_" and "-"',
    ]);
  });

  test('names are unique among targets, groups, variables and functions, and no group shares a target\'s name', () => {
    // GIVEN
    const m = model([{ name: 'a' }, { name: 'a' }, { name: 'a' }, { name: 'b' }], {
      groups: [{ name: 'b', targets: [] }, { name: 'g', targets: [] }, { name: 'g', targets: [] }],
      variables: [{ name: 'V' }, { name: 'V' }],
      functions: [{ name: 'f', parameters: [], result: '1' }, { name: 'f', parameters: [], result: '1' }],
    });
    // THEN
    expect(validateBakeModel(m)).toEqual([
      'target "a": defined more than once; names must be unique',
      'group "g": defined more than once; names must be unique',
      'variable "V": defined more than once; names must be unique',
      'function "f": defined more than once; names must be unique',
      'group "b": a target has the same name (bake would not know which one is meant); rename one',
    ]);
  });

  test('groups contain existing targets or groups, without cycles', () => {
    // GIVEN
    const m = model([{ name: 't' }], {
      groups: [
        { name: 'a', targets: ['t', 'b', 'nope'] },
        { name: 'b', targets: ['c'] },
        { name: 'c', targets: ['a'] },
        { name: 'self', targets: ['self'] },
      ],
    });
    // THEN
    expect(validateBakeModel(m)).toEqual([
      'group "a": contains "nope", which is neither a target nor a group',
      'groups contain each other in a cycle: a => b => c => a',
      'groups contain each other in a cycle: self => self',
    ]);
  });

  test('inherits names existing targets, without cycles', () => {
    // GIVEN
    const m = model([
      { name: 'a', inherits: ['b'] },
      { name: 'b', inherits: ['a', 'ghost'] },
      { name: 'c', inherits: ['c'] },
    ]);
    // THEN
    expect(validateBakeModel(m)).toEqual([
      'target "b": inherits "ghost", which is not a target',
      'targets inherit from each other in a cycle: a => b => a',
      'targets inherit from each other in a cycle: c => c',
    ]);
  });

  test('target: contexts name another existing target literally, without cycles', () => {
    // GIVEN
    const m = model([
      { name: 'a', contexts: { x: lit('target:b'), y: lit('docker-image://alpine'), z: lit('target:ghost') } },
      { name: 'b', contexts: { x: lit('target:a') } },
      { name: 'c', contexts: { me: lit('target:c') } },
      { name: 'd', contexts: { v: tpl('target:${T}') } },
    ], { variables: [{ name: 'T' }] });
    // THEN
    expect(validateBakeModel(m)).toEqual([
      'target "a" contexts.z: "target:ghost" names no target of this file',
      'target "c" contexts.me: a target cannot use itself as a context',
      'target "d" contexts.v: a "target:" context must name its target literally, without variables',
      'targets use each other as contexts in a cycle: a => b => a',
    ]);
  });

  test('references name declared or built-in variables, everywhere a BakeString goes', () => {
    // GIVEN
    const m = model([{
      name: 't',
      context: tpl('${CTX}'),
      args: { A: tpl('${ARG}') },
      labels: { l: tpl('${BAKE_LOCAL_PLATFORM}/${BAKE_CMD_CONTEXT}/${TAG}') },
      tags: [tpl('${TAG}'), lit('${LITERAL_IS_FINE}')],
      platforms: [tpl('${PLATFORM}')],
    }], {
      variables: [
        { name: 'TAG', defaultValue: BakeValue.fromString(tpl('${BASE}')) },
        { name: 'L', defaultValue: BakeValue.fromStringList([lit('a'), tpl('${ITEM}')]) },
      ],
    });
    // THEN
    expect(validateBakeModel(m).map(p => p.replace(/ \(declare it.*$/, ''))).toEqual([
      'variable "TAG" default: references the variable "BASE", which is not declared',
      'variable "L" default[1]: references the variable "ITEM", which is not declared',
      'target "t" context: references the variable "CTX", which is not declared',
      'target "t" args.A: references the variable "ARG", which is not declared',
      'target "t" platforms[0]: references the variable "PLATFORM", which is not declared',
    ]);
  });

  test('variables have environment-variable names, defaults of their type, no cycles, and complete validations', () => {
    // GIVEN
    const variables: BakeVariable[] = [
      { name: 'A', defaultValue: BakeValue.fromString(tpl('${B}')) },
      { name: 'B', defaultValue: BakeValue.fromString(tpl('${A}')) },
      { name: 'my-var' },
      { name: 'BAKE_LOCAL_PLATFORM' },
      { name: 'N', valueType: BakeVariableType.NUMBER, defaultValue: BakeValue.fromString(lit('3')) },
      { name: 'INF', defaultValue: BakeValue.fromNumber(Infinity) },
      { name: 'V', validations: [{ condition: ' ', errorMessage: '' }] },
    ];
    // THEN
    expect(validateBakeModel(model([], { variables }))).toEqual([
      'variable "my-var": invalid name; use a letter or "_", then letters, digits or "_"',
      'variable "BAKE_LOCAL_PLATFORM": is a built-in variable of bake; choose another name',
      'variable "N": the default is a string but the variable\'s type is number',
      'variable "INF" default: Infinity is not a finite number',
      'variable "V" validation[0]: the condition is empty',
      'variable "V" validation[0]: the error message is empty; say what value is expected',
      'variables reference each other in a cycle: A => B => A',
    ]);
  });

  test('functions have identifier names and parameters and a result', () => {
    // GIVEN
    const m = model([], { functions: [{ name: 'bad name', parameters: ['ok', '1x'], variadicParam: 'a b', result: '' }] });
    // THEN
    expect(validateBakeModel(m)).toEqual([
      'function "bad name": invalid name; use an HCL identifier (a letter or "_", then letters, digits, "_" or "-")',
      'function "bad name": invalid parameter name "1x"; use an HCL identifier',
      'function "bad name": invalid parameter name "a b"; use an HCL identifier',
      'function "bad name": the result is empty',
    ]);
  });

  test('plain strings, wrong shapes and unknown enum values from untyped callers are reported', () => {
    // GIVEN: what a JavaScript caller could pass
    const t: any = {
      name: 't',
      context: 'services/api',
      tags: 'x:1',
      labels: { a: 'plain' },
      args: ['A=1'],
      platforms: [lit('linux/amd64'), 'linux/arm64'],
      network: 'bridge',
      call: 'lint',
      entitlements: ['device'],
      pull: 'yes',
    };
    // THEN
    expect(validateBakeModel(model([t], { variables: [{ name: 'V', defaultValue: 'x' as any }] }))).toEqual([
      'variable "V" default: must be a BakeValue, got the plain string "x"',
      'target "t" context: must be a BakeString, got the plain string "services/api" (use BakeString.literal or BakeString.template)',
      'target "t" args: must be a map of BakeString values, got a list',
      'target "t" labels.a: must be a BakeString, got the plain string "plain" (use BakeString.literal or BakeString.template)',
      'target "t" tags: must be a list of BakeString values, got the plain string "x:1"',
      'target "t" platforms[1]: must be a BakeString, got the plain string "linux/arm64" (use BakeString.literal or BakeString.template)',
      'target "t" network: unknown value the plain string "bridge"; use BakeNetwork (default, host, none)',
      'target "t" call: unknown value the plain string "lint"; use BakeCall (build, check, outline, targets)',
      'target "t" entitlements[0]: unknown value the plain string "device"; use BakeEntitlement (network.host, security.insecure)',
      'target "t" pull: must be true or false, got the plain string "yes"',
    ]);
  });

  test('text a UTF-8 file cannot hold is reported where it is', () => {
    // GIVEN
    const m = model([{ name: 't', description: 'a\ud800', labels: { 'k\udc00': lit('v'), 'ok': tpl('x\ud801${BAKE_LOCAL_PLATFORM}') } }]);
    // THEN
    expect(validateBakeModel(m)).toEqual([
      'target "t" description: contains an unpaired UTF-16 surrogate (U+D800) at position 1, which no UTF-8 file can hold',
      'target "t" labels key "k\\udc00": contains an unpaired UTF-16 surrogate (U+DC00) at position 1, which no UTF-8 file can hold',
      'target "t" labels.ok: contains an unpaired UTF-16 surrogate (U+D801) at position 1, which no UTF-8 file can hold',
    ]);
  });

  test('text not in Unicode NFC is reported, also when split across the parts of a BakeString', () => {
    // GIVEN
    const m = model([{
      name: 't',
      description: 'cafe\u0301',
      labels: {
        split: BakeString.concat(lit('e'), lit('\u0301')),
        apart: BakeString.concat(lit('e'), BakeString.variable('BAKE_LOCAL_PLATFORM'), lit('\u0301')),
      },
    }]);
    // THEN
    expect(validateBakeModel(m)).toEqual([
      'target "t" description: is not in Unicode NFC, and bake reads every string as NFC, so it would change; normalize it with .normalize(\'NFC\')',
      'target "t" labels.split: is not in Unicode NFC, and bake reads every string as NFC, so it would change; normalize it with .normalize(\'NFC\')',
    ]);
  });

  test('map keys are not empty', () => {
    // THEN
    expect(validateBakeModel(model([{ name: 't', args: { '': lit('x') } }]))).toEqual(['target "t" args: has an empty key']);
  });
});
