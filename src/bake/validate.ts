import { BakeString } from './bake-string';
import { BakeValue, BakeVariableType } from './bake-value';
import { BakeFunctionCall } from './function-call';
import { isIdentifier, isNfc, loneSurrogateIndex } from './hcl';
import { BakeCall, BakeEntitlement, BakeFileModel, BakeNetwork, BakeTarget } from './model';
import { cyclesOf, formatCycle } from '../core/graph';

// Checks of a bake model before it is rendered. Every problem is collected; the renderer throws them together.

/** Bake's rule for target and group names (buildx `bake/bake.go`, `validTargetNameChars`). */
export const TARGET_NAME = /^[a-zA-Z0-9_-]+$/;

/** Target attributes that a function call may compute, with the model's list property for each. */
const COMPUTABLE = new Map<string, keyof BakeTarget>([
  ['platforms', 'platforms'], ['cache-from', 'cacheFrom'], ['cache-to', 'cacheTo'], ['attest', 'attest'],
  ['tags', 'tags'], ['output', 'output'], ['secret', 'secret'], ['annotations', 'annotations'],
]);
/** The standard-library functions lucid-cdk calls from target attributes. */
const STDLIB_FUNCTIONS = new Set(['split', 'concat', 'compact', 'distinct', 'flatten', 'sort', 'lower', 'upper', 'trimspace']);

/** Variable names: those of environment variables, since bake overrides a variable from the environment. */
export const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Variables bake defines itself (buildx `commands/bake.go`).
 * @see https://docs.docker.com/build/bake/reference/#built-in-variables
 */
export const BUILTIN_VARIABLES: ReadonlySet<string> = new Set(['BAKE_CMD_CONTEXT', 'BAKE_LOCAL_PLATFORM']);

/** Target attributes holding one string, a list of strings, or a map of strings. */
const SCALARS = ['context', 'dockerfile', 'target'] as const;
const MAPS = ['contexts', 'args', 'labels'] as const;
const LISTS = ['annotations', 'tags', 'platforms', 'cacheFrom', 'cacheTo', 'attest', 'secret', 'ssh', 'output'] as const;

/** Every problem of `model` and `header`, as sentences naming the block and the fix. Empty when valid. */
export function validateBakeModel(model: BakeFileModel, header: string[] = []): string[] {
  const problems: string[] = [];
  const p = (msg: string) => problems.push(msg);

  header.forEach((line, i) => {
    if (/[\r\n\u2028\u2029]/.test(line)) p(`header[${i}]: contains a line break (give one comment line per entry)`);
    checkText(line, `header[${i}]`, p);
  });

  const variables = model.variables ?? [];
  const groups = model.groups ?? [];
  const targets = model.targets ?? [];
  const functions = model.functions ?? [];

  const targetNames = duplicates(targets.map(t => t.name), 'target', p);
  const groupNames = duplicates(groups.map(g => g.name), 'group', p);
  const variableNames = duplicates(variables.map(v => v.name), 'variable', p);
  duplicates(functions.map(f => f.name), 'function', p);
  for (const name of groupNames) {
    if (targetNames.has(name)) p(`group "${name}": a target has the same name (bake would not know which one is meant); rename one`);
  }

  /** Checks one string slot, and that the variables it references are declared. */
  const checkString = (value: unknown, where: string) => {
    if (!BakeString.isBakeString(value)) {
      p(`${where}: must be a BakeString, got ${describe(value)} (use BakeString.literal or BakeString.template)`);
      return;
    }
    // Adjacent text parts are written as one: check them joined.
    let run = '';
    for (const part of [...value._parts, { variable: '' }]) {
      if (part.text !== undefined) {
        run += part.text;
      } else if (run !== '') {
        checkText(run, where, p);
        run = '';
      }
    }
    for (const name of value.variables) {
      if (!variableNames.has(name) && !BUILTIN_VARIABLES.has(name)) {
        p(`${where}: references the variable "${name}", which is not declared (declare it, or use BakeString.literal for a literal "\${${name}}")`);
      }
    }
  };

  // Variables.
  const variableDeps = new Map<string, string[]>();
  for (const v of variables) {
    const where = `variable "${v.name}"`;
    if (!VARIABLE_NAME.test(v.name)) p(`${where}: invalid name; use a letter or "_", then letters, digits or "_"`);
    if (BUILTIN_VARIABLES.has(v.name)) p(`${where}: is a built-in variable of bake; choose another name`);
    if (v.description !== undefined) checkText(v.description, `${where} description`, p);
    if (v.valueType !== undefined && !Object.values(BakeVariableType).includes(v.valueType)) {
      p(`${where}: unknown type ${JSON.stringify(v.valueType)}; use BakeVariableType`);
    }
    const deps: string[] = [];
    if (v.defaultValue !== undefined) {
      if (!BakeValue.isBakeValue(v.defaultValue)) {
        p(`${where} default: must be a BakeValue, got ${describe(v.defaultValue)}`);
      } else {
        if (v.valueType !== undefined && v.defaultValue.valueType !== v.valueType) {
          p(`${where}: the default is a ${v.defaultValue.valueType} but the variable's type is ${v.valueType}`);
        }
        if (typeof v.defaultValue._value === 'number' && !Number.isFinite(v.defaultValue._value)) {
          p(`${where} default: ${v.defaultValue._value} is not a finite number`);
        }
        for (const [i, s] of v.defaultValue.strings.entries()) {
          checkString(s, v.defaultValue.valueType === BakeVariableType.LIST_OF_STRING ? `${where} default[${i}]` : `${where} default`);
          if (BakeString.isBakeString(s)) deps.push(...s.variables.filter(n => variableNames.has(n)));
        }
      }
    }
    variableDeps.set(v.name, deps);
    (v.validations ?? []).forEach((val, i) => {
      const w = `${where} validation[${i}]`;
      if (!val.condition || val.condition.trim() === '') p(`${w}: the condition is empty`);
      else checkText(val.condition, `${w} condition`, p);
      if (!val.errorMessage) p(`${w}: the error message is empty; say what value is expected`);
      else checkText(val.errorMessage, `${w} error message`, p);
    });
  }
  for (const cycle of cyclesOf(variables.map(v => v.name), n => variableDeps.get(n) ?? [])) {
    p(`variables reference each other in a cycle: ${formatCycle(cycle)}`);
  }

  // Functions.
  for (const f of functions) {
    const where = `function "${f.name}"`;
    if (!isIdentifier(f.name)) p(`${where}: invalid name; use an HCL identifier (a letter or "_", then letters, digits, "_" or "-")`);
    for (const param of [...(f.parameters ?? []), ...(f.variadicParam !== undefined ? [f.variadicParam] : [])]) {
      if (!isIdentifier(param)) p(`${where}: invalid parameter name ${JSON.stringify(param)}; use an HCL identifier`);
    }
    if (!f.result || f.result.trim() === '') p(`${where}: the result is empty`);
    else checkText(f.result, `${where} result`, p);
  }

  // Groups.
  const groupEdges = new Map<string, string[]>();
  for (const g of groups) {
    const where = `group "${g.name}"`;
    if (!TARGET_NAME.test(g.name)) p(`${where}: invalid name; bake allows only letters, digits, "_" and "-"`);
    if (g.description !== undefined) checkText(g.description, `${where} description`, p);
    const members = g.targets ?? [];
    for (const m of members) {
      if (!targetNames.has(m) && !groupNames.has(m)) p(`${where}: contains "${m}", which is neither a target nor a group`);
    }
    groupEdges.set(g.name, members.filter(m => groupNames.has(m)));
  }
  for (const cycle of cyclesOf(groups.map(g => g.name), n => groupEdges.get(n) ?? [])) {
    p(`groups contain each other in a cycle: ${formatCycle(cycle)}`);
  }

  // Targets.
  const inheritEdges = new Map<string, string[]>();
  const contextEdges = new Map<string, string[]>();
  for (const t of targets) {
    const where = `target "${t.name}"`;
    if (!TARGET_NAME.test(t.name)) p(`${where}: invalid name; bake allows only letters, digits, "_" and "-"`);
    if (t.description !== undefined) checkText(t.description, `${where} description`, p);

    const inherits = t.inherits ?? [];
    for (const parent of inherits) {
      if (!targetNames.has(parent)) p(`${where}: inherits "${parent}", which is not a target`);
    }
    inheritEdges.set(t.name, inherits.filter(i => targetNames.has(i)));

    for (const key of SCALARS) {
      if (t[key] !== undefined) checkString(t[key], `${where} ${key}`);
    }
    for (const key of MAPS) {
      const map = t[key];
      if (map === undefined) continue;
      if (map === null || typeof map !== 'object' || Array.isArray(map)) {
        p(`${where} ${key}: must be a map of BakeString values, got ${describe(map)}`);
        continue;
      }
      for (const [k, v] of Object.entries(map)) {
        if (k === '') p(`${where} ${key}: has an empty key`);
        checkText(k, `${where} ${key} key ${JSON.stringify(k)}`, p);
        checkString(v, `${where} ${key}.${k}`);
      }
    }
    for (const key of LISTS) {
      const list = t[key];
      if (list === undefined) continue;
      if (!Array.isArray(list)) {
        p(`${where} ${key}: must be a list of BakeString values, got ${describe(list)}`);
        continue;
      }
      list.forEach((v, i) => checkString(v, `${where} ${key}[${i}]`));
    }
    const functionNames = new Set(functions.map(f => f.name));
    for (const [attribute, call] of Object.entries(t.computed ?? {})) {
      if (!COMPUTABLE.has(attribute)) {
        p(`${where} computed.${attribute}: only list attributes can be computed (${[...COMPUTABLE].join(', ')})`);
      }
      if (!BakeFunctionCall.isBakeFunctionCall(call)) {
        p(`${where} computed.${attribute}: must be a BakeFunctionCall, got ${describe(call)}`);
        continue;
      }
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(call.name)) {
        p(`${where} computed.${attribute}: "${call.name}" is not a function name`);
      } else if (!functionNames.has(call.name) && !STDLIB_FUNCTIONS.has(call.name)) {
        p(`${where} computed.${attribute}: calls "${call.name}", which is neither a function block of this file nor one of ${[...STDLIB_FUNCTIONS].join(', ')}`);
      }
      call.args.forEach((a, i) => checkString(a, `${where} computed.${attribute} argument ${i}`));
      const listKey = COMPUTABLE.get(attribute);
      if (listKey && (t as any)[listKey] !== undefined) {
        p(`${where} ${attribute}: is given both as a list and as computed.${attribute}; give one`);
      }
    }
    checkEnum(t.network, Object.values(BakeNetwork), `${where} network`, 'BakeNetwork', p);
    checkEnum(t.call, Object.values(BakeCall), `${where} call`, 'BakeCall', p);
    for (const [i, e] of (t.entitlements ?? []).entries()) {
      checkEnum(e, Object.values(BakeEntitlement), `${where} entitlements[${i}]`, 'BakeEntitlement', p);
    }
    for (const key of ['pull', 'noCache'] as const) {
      if (t[key] !== undefined && typeof t[key] !== 'boolean') p(`${where} ${key}: must be true or false, got ${describe(t[key])}`);
    }

    contextEdges.set(t.name, linkedTargets(t, targetNames, where, p));
  }
  for (const cycle of cyclesOf(targets.map(t => t.name), n => inheritEdges.get(n) ?? [])) {
    p(`targets inherit from each other in a cycle: ${formatCycle(cycle)}`);
  }
  for (const cycle of cyclesOf(targets.map(t => t.name), n => contextEdges.get(n) ?? [])) {
    p(`targets use each other as contexts in a cycle: ${formatCycle(cycle)}`);
  }

  return problems;
}

/** The targets that `t`'s `target:<name>` contexts name, reporting the ones that do not exist. */
function linkedTargets(t: BakeTarget, targetNames: Set<string>, where: string, p: (m: string) => void): string[] {
  const linked: string[] = [];
  for (const [name, value] of Object.entries(t.contexts ?? {})) {
    if (!BakeString.isBakeString(value)) continue;
    const literal = value.literalValue;
    if (literal === undefined) {
      if (value.literalPrefix.startsWith('target:')) {
        p(`${where} contexts.${name}: a "target:" context must name its target literally, without variables`);
      }
      continue;
    }
    if (!literal.startsWith('target:')) continue;
    const other = literal.slice('target:'.length);
    if (other === t.name) {
      p(`${where} contexts.${name}: a target cannot use itself as a context`);
    } else if (!targetNames.has(other)) {
      p(`${where} contexts.${name}: "${literal}" names no target of this file`);
    } else {
      linked.push(other);
    }
  }
  return linked;
}

/** The set of `names`, reporting each name given more than once. */
function duplicates(names: string[], kind: string, p: (m: string) => void): Set<string> {
  const seen = new Set<string>();
  const reported = new Set<string>();
  for (const n of names) {
    if (seen.has(n) && !reported.has(n)) {
      p(`${kind} "${n}": defined more than once; names must be unique`);
      reported.add(n);
    }
    seen.add(n);
  }
  return seen;
}

/** Reports text that a UTF-8 file cannot hold. */
function checkText(value: unknown, where: string, p: (m: string) => void): void {
  if (typeof value !== 'string') {
    p(`${where}: must be a string, got ${describe(value)}`);
    return;
  }
  const i = loneSurrogateIndex(value);
  if (i >= 0) {
    p(`${where}: contains an unpaired UTF-16 surrogate (U+${value.charCodeAt(i).toString(16).toUpperCase()}) at position ${i}, which no UTF-8 file can hold`);
  } else if (!isNfc(value)) {
    p(`${where}: is not in Unicode NFC, and bake reads every string as NFC, so it would change; normalize it with .normalize('NFC')`);
  }
}

function checkEnum(value: unknown, allowed: string[], where: string, enumName: string, p: (m: string) => void): void {
  if (value !== undefined && !allowed.includes(value as string)) {
    p(`${where}: unknown value ${describe(value)}; use ${enumName} (${allowed.join(', ')})`);
  }
}

function describe(value: unknown): string {
  if (typeof value === 'string') return `the plain string ${JSON.stringify(value)}`;
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  return typeof value === 'object' ? 'an object' : `${typeof value} ${String(value)}`;
}

