import { BakeString } from './bake-string';
import { BakeValue } from './bake-value';
import { BakeFunctionCall } from './function-call';
import * as hcl from './hcl';
import { renderExpression } from './hcl/writer';
import { BakeFileModel, BakeFunction, BakeGroup, BakeTarget, BakeVariable } from './model';
import { validateBakeModel } from './validate';
import { invalidBakeFile } from '../core/errors';

// Renders a bake model as `docker-bake.hcl`. Order: header comments, variables, functions, groups, targets, each
// list in the order given; inside a block, attributes in the fixed order below; map keys sorted; undefined
// values, empty strings, lists and maps omitted (a group's `targets` is always written: bake requires it).

/**
 * The bake file for `model`, preceded by `header` as `# line` comments. Validates the model first and throws one
 * Error listing every problem.
 */
export function renderBakeFile(model: BakeFileModel, header: string[] = []): string {
  const problems = validateBakeModel(model, header);
  if (problems.length > 0) {
    throw invalidBakeFile(problems);
  }
  const blocks: hcl.HclBlock[] = [
    ...model.variables.map(variableBlock),
    ...(model.functions ?? []).map(functionBlock),
    ...model.groups.map(groupBlock),
    ...model.targets.map(targetBlock),
  ];
  return hcl.renderHclFile(blocks, header);
}

/** A `BakeString` as an HCL template. */
export function bakeStringToHcl(value: BakeString): hcl.HclExpression {
  return hcl.template(value._parts.map(p => p.variable !== undefined ? hcl.ref(p.variable) : hcl.text(p.text!)));
}

function bakeValueToHcl(value: BakeValue): hcl.HclExpression {
  const v = value._value;
  if (Array.isArray(v)) return hcl.list(v.map(bakeStringToHcl));
  if (typeof v === 'number') return hcl.num(v);
  if (typeof v === 'boolean') return hcl.bool(v);
  return bakeStringToHcl(v);
}

function variableBlock(v: BakeVariable): hcl.HclBlock {
  const body: hcl.HclBodyItem[] = [];
  if (v.description) body.push(hcl.attribute('description', hcl.str(v.description)));
  if (v.valueType !== undefined) body.push(hcl.attribute('type', hcl.raw(v.valueType)));
  if (v.defaultValue !== undefined) body.push(hcl.attribute('default', bakeValueToHcl(v.defaultValue)));
  for (const val of v.validations ?? []) {
    body.push(hcl.block('validation', [], [
      hcl.attribute('condition', hcl.raw(val.condition)),
      hcl.attribute('error_message', hcl.str(val.errorMessage)),
    ]));
  }
  return hcl.block('variable', [v.name], body);
}

function functionBlock(f: BakeFunction): hcl.HclBlock {
  const body: hcl.HclBodyItem[] = [hcl.attribute('params', hcl.list(f.parameters.map(hcl.identifier)))];
  if (f.variadicParam !== undefined) body.push(hcl.attribute('variadic_params', hcl.identifier(f.variadicParam)));
  body.push(hcl.attribute('result', hcl.raw(f.result)));
  return hcl.block('function', [f.name], body);
}

function groupBlock(g: BakeGroup): hcl.HclBlock {
  const body: hcl.HclBodyItem[] = [];
  if (g.description) body.push(hcl.attribute('description', hcl.str(g.description)));
  body.push(hcl.attribute('targets', hcl.list(g.targets.map(hcl.str))));
  return hcl.block('group', [g.name], body);
}

/** Target attributes in the order they are written: [bake's name, how to render the model's value]. */
const TARGET_ATTRIBUTES: Array<[string, (t: BakeTarget) => hcl.HclExpression | undefined]> = [
  ['description', t => t.description ? hcl.str(t.description) : undefined],
  ['inherits', t => names(t.inherits)],
  ['context', t => scalar(t.context)],
  ['contexts', t => map(t.contexts)],
  ['dockerfile', t => scalar(t.dockerfile)],
  ['target', t => scalar(t.target)],
  ['args', t => map(t.args)],
  ['labels', t => map(t.labels)],
  ['annotations', t => strings(t.annotations)],
  ['tags', t => strings(t.tags)],
  ['platforms', t => strings(t.platforms)],
  ['cache-from', t => strings(t.cacheFrom)],
  ['cache-to', t => strings(t.cacheTo)],
  ['attest', t => strings(t.attest)],
  ['secret', t => strings(t.secret)],
  ['ssh', t => strings(t.ssh)],
  ['network', t => t.network !== undefined ? hcl.str(t.network) : undefined],
  ['entitlements', t => names(t.entitlements)],
  ['pull', t => t.pull !== undefined ? hcl.bool(t.pull) : undefined],
  ['no-cache', t => t.noCache !== undefined ? hcl.bool(t.noCache) : undefined],
  ['call', t => t.call !== undefined ? hcl.str(t.call) : undefined],
  ['output', t => strings(t.output)],
];

function targetBlock(t: BakeTarget): hcl.HclBlock {
  const body: hcl.HclBodyItem[] = [];
  for (const [name, render] of TARGET_ATTRIBUTES) {
    const call = t.computed?.[name];
    const value = call ? functionCall(call) : render(t);
    if (value !== undefined) body.push(hcl.attribute(name, value));
  }
  return hcl.block('target', [t.name], body);
}

function scalar(value: BakeString | undefined): hcl.HclExpression | undefined {
  return value === undefined || value.literalValue === '' ? undefined : bakeStringToHcl(value);
}

function strings(values: BakeString[] | undefined): hcl.HclExpression | undefined {
  return values && values.length > 0 ? hcl.list(values.map(bakeStringToHcl)) : undefined;
}

function names(values: string[] | undefined): hcl.HclExpression | undefined {
  return values && values.length > 0 ? hcl.list(values.map(hcl.str)) : undefined;
}

function map(values: { [key: string]: BakeString } | undefined): hcl.HclExpression | undefined {
  const keys = Object.keys(values ?? {}).sort(compare);
  return keys.length > 0 ? hcl.object(keys.map(key => ({ key, value: bakeStringToHcl(values![key]) }))) : undefined;
}

/** Code-unit order: the same on every machine and locale. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A function call as an attribute value: its name and its escaped arguments. */
function functionCall(call: BakeFunctionCall): hcl.HclExpression {
  const args = call.args.map(a => renderExpression(bakeStringToHcl(a), ''));
  return hcl.raw(`${call.name}(${args.join(', ')})`);
}
