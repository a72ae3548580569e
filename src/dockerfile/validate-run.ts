/**
 * Checks of RUN instructions and their mounts. Not exported from the folder's index.
 */
import { isGoSpace, unrepresentable } from './escape';
import type { RunInstruction } from './instruction';
import { CacheSharing, MountType, RunMount } from './run-options';
import type { Stage } from './stage';
import {
  abbreviate, contextPathProblems, execArgsProblems, OCTAL_MODE, show, StageContext, stageReferenceProblem, VARIABLE_NAME,
} from './validate-common';

const MOUNT_VALUE = /^[A-Za-z0-9_./@:+%~=-]+$/;

/** Problems of a RUN instruction: shell availability, the command line, and each mount. */
export function runProblems(run: RunInstruction, ctx: StageContext): string[] {
  const out: string[] = [];
  if (run.execForm) {
    if (run.args!.length === 0) {
      out.push('RUN (exec form) is empty: give the program and its arguments');
    }
    out.push(...execArgsProblems('RUN', run.args!));
  } else {
    const command = run.command!;
    const shown = abbreviate(command);
    if (!ctx.stage.hasShell) {
      out.push(`RUN "${shown}" needs a shell, but ${baseName(ctx.stage)} has none: run it in a builder stage and COPY --from the result`);
    }
    const problem = shellCommandProblem(command);
    if (problem) {
      out.push(`RUN "${shown}" ${problem}`);
    }
  }
  run.mounts.forEach((m, n) => out.push(...mountProblems(m, n, ctx)));
  return out;
}

function shellCommandProblem(command: string): string | undefined {
  if (command.trim() === '') {
    return 'is empty: give a command';
  }
  const bad = unrepresentable(command);
  if (bad) {
    return `contains ${bad}: a RUN command must be one line; use several addRun() calls, or join commands with &&`;
  }
  const first = command[0];
  const last = command[command.length - 1];
  if ((isGoSpace(first) && first !== ' ' && first !== '\t') || (isGoSpace(last) && last !== ' ' && last !== '\t')) {
    return 'starts or ends with a Unicode space that Docker would trim: remove it';
  }
  if (/^[ \t]*--/.test(command)) {
    return 'starts with "--", which Docker would read as a flag of RUN: start with the program name';
  }
  if (/\\[ \t]*$/.test(command)) {
    return 'ends with a backslash, which Docker would read as a line continuation: remove it';
  }
  if (/(?:^|\s)\d*<<-?[^<\s]/.test(command)) {
    return 'contains a here-document marker (<<WORD), which Docker would read as a heredoc taking the next lines: write the file with printf, or COPY it';
  }
  if (startsWithJsonArray(command)) {
    return 'starts with a JSON array, which Docker would read as exec form: use addRunExec() for exec form';
  }
  return undefined;
}

/** Whether Docker's parser (a JSON decoder reading one value) would find a JSON array at the start. */
function startsWithJsonArray(command: string): boolean {
  if (!command.trimStart().startsWith('[')) {
    return false;
  }
  for (let end = command.indexOf(']'); end >= 0; end = command.indexOf(']', end + 1)) {
    try {
      if (Array.isArray(JSON.parse(command.slice(0, end + 1)))) {
        return true;
      }
    } catch {
      // not a complete JSON value yet
    }
  }
  return false;
}

function mountProblems(m: RunMount, n: number, ctx: StageContext): string[] {
  const what = `RUN --mount #${n + 1} (${m.mountType})`;
  const out: string[] = [];
  const types = Object.values(MountType) as string[];
  if (!types.includes(m.mountType)) {
    return [`${what} has an unknown type: use one of ${types.join(', ')}`];
  }
  const allowed: { [key: string]: MountType[] } = {
    id: [MountType.CACHE, MountType.SECRET],
    source: [MountType.BIND, MountType.CACHE, MountType.SECRET],
    fromStage: [MountType.BIND, MountType.CACHE],
    sharing: [MountType.CACHE],
    required: [MountType.SECRET],
    readWrite: [MountType.BIND, MountType.CACHE, MountType.TMPFS],
    mode: [MountType.CACHE, MountType.SECRET],
    uid: [MountType.CACHE, MountType.SECRET],
    gid: [MountType.CACHE, MountType.SECRET],
    env: [MountType.SECRET],
  };
  for (const key of Object.keys(allowed)) {
    if ((m as any)[key] !== undefined && !allowed[key].includes(m.mountType)) {
      out.push(`${what}: "${key}" is not allowed for ${m.mountType} mounts (only ${allowed[key].join(', ')})`);
    }
  }
  for (const key of ['target', 'id', 'source', 'env'] as const) {
    const value = m[key];
    if (value !== undefined && !MOUNT_VALUE.test(value)) {
      out.push(`${what}: ${key} ${show(value)} may only hold letters, digits and _ . / @ : + % ~ = - (it is written into a comma-separated flag)`);
    }
  }
  if (m.target === undefined && m.mountType !== MountType.SECRET) {
    out.push(`${what} needs a target`);
  }
  if (m.mountType === MountType.SECRET) {
    if (m.id === undefined && m.target === undefined) {
      out.push(`${what} needs an id or a target`);
    }
    if (m.id !== undefined && m.source !== undefined) {
      out.push(`${what} cannot have both id and source`);
    }
  }
  if (m.sharing !== undefined && !(Object.values(CacheSharing) as string[]).includes(m.sharing)) {
    out.push(`${what}: sharing "${m.sharing}" is unknown: use shared, private or locked`);
  }
  if (m.mode !== undefined && !OCTAL_MODE.test(m.mode)) {
    out.push(`${what}: mode "${m.mode}" must be octal, e.g. 0400`);
  }
  for (const key of ['uid', 'gid'] as const) {
    const v = m[key];
    if (v !== undefined && !(Number.isInteger(v) && v >= 0 && v <= 0xffffffff)) {
      out.push(`${what}: ${key} ${v} must be a whole number from 0 to 4294967295`);
    }
  }
  if (m.env !== undefined && !VARIABLE_NAME.test(m.env)) {
    out.push(`${what}: env "${m.env}" is not a valid variable name`);
  }
  if (m.fromStage) {
    const problem = stageReferenceProblem(m.fromStage, ctx.stage, ctx.index);
    if (problem) {
      out.push(`${what} from ${problem}`);
    }
  }
  if (m.mountType === MountType.BIND && !m.fromStage) {
    out.push(...contextPathProblems(what, m.source ?? '.'));
  }
  return out;
}

function baseName(stage: Stage): string {
  let s: Stage = stage;
  const seen = new Set<Stage>();
  while (s.baseImage.stage && !seen.has(s)) {
    seen.add(s);
    s = s.baseImage.stage;
  }
  return s.baseImage.imageRef ?? s.name;
}
