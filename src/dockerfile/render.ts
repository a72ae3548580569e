/**
 * Renders the Dockerfile model to text. Assumes the model passed validation. Not exported from the index.
 * @see https://docs.docker.com/reference/dockerfile/
 */
import { escapeBareWord, isSimpleWord, jsonArray, quoteWord, word } from './escape';
import { CopyInstruction, Instruction, InstructionKind, RunInstruction } from './instruction';
import { RunMount } from './run-options';
import type { Stage } from './stage';
import { unknownInstructionKind } from '../core/errors';

/**
 * The whole file: directive, header comments, then the stages separated by one blank line. `image` writes a
 * registry image's reference (the app's lock pins it to a digest).
 */
export function renderDockerfile(syntax: string | undefined, header: string[], stages: Stage[], image: (ref: string) => string = r => r): string {
  const preamble: string[] = [];
  if (syntax !== undefined) {
    preamble.push(`# syntax=${syntax}`);
  }
  for (const line of header) {
    preamble.push(line === '' ? '#' : `# ${line}`);
  }
  const blocks = stages.map(s => renderStage(s, image));
  if (preamble.length > 0) {
    blocks.unshift(preamble.join('\n'));
  }
  return blocks.join('\n\n') + '\n';
}

function renderStage(stage: Stage, image: (ref: string) => string): string {
  const platform = stage.platform !== undefined ? `--platform=${stage.platform} ` : '';
  const from = stage.baseImage.imageRef !== undefined ? image(stage.baseImage.imageRef) : stage.baseImage.toString();
  const lines = [`FROM ${platform}${from} AS ${stage.name}`];
  for (const i of stage.instructions) {
    lines.push(renderInstruction(i, image));
  }
  return lines.join('\n');
}

function renderInstruction(i: Instruction, image: (ref: string) => string): string {
  switch (i.kind) {
    case InstructionKind.ARG:
      return i.value === undefined ? `ARG ${i.key}` : `ARG ${i.key}=${quoteWord(i.value)}`;
    case InstructionKind.ENV:
      return `ENV ${i.key}=${quoteWord(i.value!)}`;
    case InstructionKind.LABEL:
      return `LABEL ${quoteWord(i.key!)}=${quoteWord(i.value!)}`;
    case InstructionKind.RUN:
      return renderRun(i.run!);
    case InstructionKind.COPY:
      return renderCopy(i.copyInstruction!, image);
    case InstructionKind.WORKDIR:
      return `WORKDIR ${word(i.value!)}`;
    case InstructionKind.USER:
      return `USER ${word(i.value!)}`;
    case InstructionKind.EXPOSE:
      return `EXPOSE ${i.expose!.port}/${i.expose!.protocol}`;
    case InstructionKind.STOPSIGNAL:
      return `STOPSIGNAL ${i.value}`;
    case InstructionKind.HEALTHCHECK: {
      const h = i.healthcheck!;
      const flags = [
        h.intervalSeconds !== undefined ? `--interval=${h.intervalSeconds}s` : undefined,
        h.timeoutSeconds !== undefined ? `--timeout=${h.timeoutSeconds}s` : undefined,
        h.startPeriodSeconds !== undefined ? `--start-period=${h.startPeriodSeconds}s` : undefined,
        h.startIntervalSeconds !== undefined ? `--start-interval=${h.startIntervalSeconds}s` : undefined,
        h.retries !== undefined ? `--retries=${h.retries}` : undefined,
      ].filter(f => f !== undefined);
      return ['HEALTHCHECK', ...flags, 'CMD', jsonArray(h.command)].join(' ');
    }
    case InstructionKind.ENTRYPOINT:
      return `ENTRYPOINT ${jsonArray(i.args!)}`;
    case InstructionKind.CMD:
      return `CMD ${jsonArray(i.args!)}`;
  }
  throw unknownInstructionKind(i.kind);
}

function renderRun(run: RunInstruction): string {
  const parts = ['RUN'];
  for (const m of run.mounts) {
    parts.push(`--mount=${renderMount(m)}`);
  }
  if (run.network !== undefined) {
    parts.push(`--network=${run.network}`);
  }
  parts.push(run.execForm ? jsonArray(run.args!) : run.command!);
  return parts.join(' ');
}

/** `type=cache,target=/root/.cache/pip,id=pip,...` in a fixed field order. */
function renderMount(m: RunMount): string {
  const fields: string[] = [`type=${m.mountType}`];
  const add = (key: string, value: string | number | boolean | undefined) => {
    if (value !== undefined) {
      fields.push(`${key}=${value}`);
    }
  };
  add('target', m.target);
  add('id', m.id);
  add('source', m.source);
  add('from', m.fromStage?.name);
  add('sharing', m.sharing);
  add('mode', m.mode);
  add('uid', m.uid);
  add('gid', m.gid);
  add('required', m.required);
  add('rw', m.readWrite);
  add('env', m.env);
  return fields.join(',');
}

/**
 * `COPY [--from=] [--chown=] [--chmod=] [--link] <paths>`: plain form when every path is simple, otherwise the
 * JSON form, each path escaped for the word processing Docker still runs on it after JSON decoding.
 */
function renderCopy(c: CopyInstruction, image: (ref: string) => string): string {
  const parts = ['COPY'];
  if (c.fromStage) {
    parts.push(`--from=${c.fromStage.name}`);
  } else if (c.fromImage !== undefined) {
    parts.push(`--from=${image(c.fromImage)}`);
  }
  if (c.chown !== undefined) {
    parts.push(`--chown=${c.chown}`);
  }
  if (c.chmod !== undefined) {
    parts.push(`--chmod=${c.chmod}`);
  }
  if (c.link) {
    parts.push('--link');
  }
  const paths = [...c.sources, c.destination];
  if (paths.every(isSimpleWord)) {
    parts.push(...paths);
  } else {
    parts.push(jsonArray(paths.map(escapeBareWord)));
  }
  return parts.join(' ');
}
