/**
 * The checks of the Dockerfile model (with validate-run.ts, validate-copy.ts and validate-common.ts): every
 * message says what is wrong and how to fix it; callers prefix it with the construct path. Not exported from
 * the folder's index.
 */
import type { BaseImage } from './base-image';
import { unrepresentable } from './escape';
import { ImageReference } from './image-reference';
import { Instruction, InstructionKind } from './instruction';
import type { Stage } from './stage';
import { execArgsProblems, show, StageContext, stageReferenceProblem, VARIABLE_NAME } from './validate-common';
import { copyProblems } from './validate-copy';
import { runProblems } from './validate-run';
import { isPort, portProblem } from '../core/port';

const PLATFORM = /^(?:\$[A-Za-z_][A-Za-z0-9_]*|\$\{[A-Za-z_][A-Za-z0-9_]*\}|[a-z0-9]+\/[a-z0-9_]+(?:\/[a-z0-9]+)?)$/;
const SIGNALS = new Set([
  'ABRT', 'ALRM', 'BUS', 'CHLD', 'CLD', 'CONT', 'FPE', 'HUP', 'ILL', 'INT', 'IO', 'IOT', 'KILL', 'PIPE', 'POLL',
  'PROF', 'PWR', 'QUIT', 'SEGV', 'STKFLT', 'STOP', 'SYS', 'TERM', 'TRAP', 'TSTP', 'TTIN', 'TTOU', 'URG', 'USR1',
  'USR2', 'VTALRM', 'WINCH', 'XCPU', 'XFSZ', 'RTMIN', 'RTMAX',
]);
const MAX_SIGNAL = 64;
const PLATFORM_HINT = 'write os/arch[/variant] (linux/arm64) or a build argument such as $BUILDPLATFORM';

/** Every problem of a Dockerfile as a whole (its stages are checked separately). */
export function validateDockerfile(props: { syntax?: string; header?: string[]; stageCount: number }): string[] {
  const out: string[] = [];
  if (props.stageCount === 0) {
    out.push('the Dockerfile has no stages: add one with addStage()');
  }
  if (props.syntax !== undefined) {
    const problem = ImageReference._problem(props.syntax);
    if (problem) {
      out.push(`syntax "${props.syntax}" is not a valid frontend image reference: ${problem} (e.g. docker/dockerfile:1)`);
    }
  }
  for (const line of props.header ?? []) {
    const bad = unrepresentable(line);
    if (bad) {
      out.push(`header line ${show(line)} contains ${bad}: pass one array element per comment line`);
    } else if (/^\s*(syntax|escape|check)\s*=/i.test(line)) {
      out.push(`header line "${line}" would be read as a parser directive: reword it, or use the syntax property`);
    }
  }
  return out;
}

/** Every problem of a stage (without the path prefix). */
export function validateStage(stage: Stage): string[] {
  const out: string[] = [];
  const stages = stage.dockerfile.stages;
  const index = stages.indexOf(stage);
  const stageNames = new Set(stages.map(s => s.name));

  out.push(...baseImageProblems(stage.baseImage, stage, index, stageNames));
  if (stage.platform !== undefined && !PLATFORM.test(stage.platform)) {
    out.push(`FROM --platform="${stage.platform}" is invalid: ${PLATFORM_HINT}`);
  }

  const ctx: StageContext = { stage, index, stageNames };
  for (const i of stage.instructions) {
    out.push(...instructionProblems(i, ctx));
  }
  return out;
}

function baseImageProblems(from: BaseImage, stage: Stage, index: number, stageNames: Set<string>): string[] {
  if (from.stage) {
    const problem = stageReferenceProblem(from.stage, stage, index);
    return problem ? [`FROM ${problem}`] : [];
  }
  const ref = from.imageRef ?? '';
  const problem = ImageReference._problem(ref);
  if (problem) {
    return [`FROM image reference "${ref}" is invalid: ${problem}. Write [registry/]repository[:tag][@digest], e.g. gcr.io/distroless/python3-debian13:nonroot`];
  }
  if (stageNames.has(ref)) {
    return [`FROM "${ref}" would name the stage "${ref}", not the image: use BaseImage.fromStage(), or rename the stage`];
  }
  return [];
}

function instructionProblems(i: Instruction, ctx: StageContext): string[] {
  switch (i.kind) {
    case InstructionKind.ARG:
      return [
        ...variableNameProblems('ARG', i.key!),
        ...valueProblems(`ARG ${i.key}`, 'default', i.value),
      ];
    case InstructionKind.ENV:
      return [
        ...variableNameProblems('ENV', i.key!),
        ...valueProblems(`ENV ${i.key}`, 'value', i.value),
      ];
    case InstructionKind.LABEL:
      return labelProblems(i.key!, i.value!);
    case InstructionKind.RUN:
      return runProblems(i.run!, ctx);
    case InstructionKind.COPY:
      return copyProblems(i.copyInstruction!, ctx);
    case InstructionKind.WORKDIR:
      return nonEmptyValueProblems('WORKDIR', 'path', i.value!);
    case InstructionKind.USER:
      return nonEmptyValueProblems('USER', 'user', i.value!);
    case InstructionKind.EXPOSE: {
      const port = i.expose!.port;
      return isPort(port) ? [] : [portProblem('EXPOSE port', port)];
    }
    case InstructionKind.STOPSIGNAL:
      return isSignal(i.value!) ? [] : [`STOPSIGNAL "${i.value}" is not a signal: use a name such as SIGTERM or SIGINT, or a number from 1 to ${MAX_SIGNAL}`];
    case InstructionKind.HEALTHCHECK:
      return healthcheckProblems(i);
    case InstructionKind.ENTRYPOINT:
      return i.args!.length === 0
        ? ['ENTRYPOINT is empty: give the program and its arguments, e.g. ["/venv/bin/python3", "-m", "app"]']
        : execArgsProblems('ENTRYPOINT', i.args!);
    case InstructionKind.CMD:
      return execArgsProblems('CMD', i.args!);
  }
  return [];
}

function variableNameProblems(kind: string, name: string): string[] {
  return VARIABLE_NAME.test(name)
    ? []
    : [`${kind} name "${name}" is invalid: use letters, digits and "_", not starting with a digit`];
}

function valueProblems(what: string, field: string, value: string | undefined): string[] {
  if (value === undefined) {
    return [];
  }
  const bad = unrepresentable(value);
  return bad
    ? [`${what} ${field} ${show(value)} contains ${bad}, which a Dockerfile cannot hold: encode it (e.g. base64) or ship it as a file with COPY`]
    : [];
}

function nonEmptyValueProblems(kind: string, field: string, value: string): string[] {
  if (value === '') {
    return [`${kind} ${field} is empty`];
  }
  return valueProblems(kind, field, value);
}

function labelProblems(key: string, value: string): string[] {
  const out: string[] = [];
  const bad = unrepresentable(key);
  if (key === '') {
    out.push('LABEL key is empty');
  } else if (bad) {
    out.push(`LABEL key ${show(key)} contains ${bad}: use a reverse-DNS key such as org.lucid.plane`);
  } else if (key.includes('=')) {
    out.push(`LABEL key "${key}" contains "=": Docker splits a label at its first "=", even inside quotes; use a key without "="`);
  }
  out.push(...valueProblems(`LABEL ${show(key)}`, 'value', value));
  return out;
}

function healthcheckProblems(i: Instruction): string[] {
  const h = i.healthcheck!;
  const out: string[] = [];
  if (h.command.length === 0) {
    out.push('HEALTHCHECK command is empty: give a probe in exec form, e.g. ["/venv/bin/python3", "-c", "..."]');
  }
  out.push(...execArgsProblems('HEALTHCHECK', h.command));
  const durations: [string, number | undefined][] = [
    ['intervalSeconds', h.intervalSeconds],
    ['timeoutSeconds', h.timeoutSeconds],
    ['startPeriodSeconds', h.startPeriodSeconds],
    ['startIntervalSeconds', h.startIntervalSeconds],
  ];
  for (const [name, v] of durations) {
    if (v !== undefined && !(Number.isInteger(v) && v >= 1)) {
      out.push(`HEALTHCHECK ${name} ${v} is invalid: use a whole number of seconds, at least 1`);
    }
  }
  if (h.retries !== undefined && !(Number.isInteger(h.retries) && h.retries >= 1 && h.retries <= 0x7fffffff)) {
    out.push(`HEALTHCHECK retries ${h.retries} is invalid: use a whole number, at least 1`);
  }
  return out;
}

function isSignal(signal: string): boolean {
  if (/^[0-9]+$/.test(signal)) {
    const n = Number(signal);
    return n >= 1 && n <= MAX_SIGNAL;
  }
  const name = signal.toUpperCase().replace(/^SIG/, '');
  if (SIGNALS.has(name)) {
    return true;
  }
  const rt = /^RTMIN\+([0-9]+)$/.exec(name) ?? /^RTMAX-([0-9]+)$/.exec(name);
  return rt !== null && Number(rt[1]) >= 1 && Number(rt[1]) <= 15;
}
