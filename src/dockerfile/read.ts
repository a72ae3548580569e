// Reads a Dockerfile's text into the Dockerfile model, through dockerfile-ast's parser, so that a Dockerfile a
// repository keeps by hand is judged by the same rules as the ones lucid-cdk writes. What the rules read is
// read: stages and their bases, RUN, COPY, ENV, ARG, LABEL, EXPOSE, USER, WORKDIR, HEALTHCHECK, ENTRYPOINT, CMD,
// STOPSIGNAL. RUN's flags (mounts, network) are not read: no rule judges them. Instructions the model does not
// have (ADD, VOLUME, SHELL, ONBUILD, MAINTAINER) and COPY heredocs are problems, each with its line and a fix.
import { Copy, DockerfileParser, From, Healthcheck, Instruction, JSONInstruction, PropertyInstruction } from 'dockerfile-ast';
import { BaseImage } from './base-image';
import type { Dockerfile } from './dockerfile';
import { Protocol } from './expose';
import { isDistroless, parseRef } from './image-reference-facts';
import type { Stage } from './stage';

/** Why an instruction is not read, and what to write instead. */
const NOT_MODELLED: { [keyword: string]: string } = {
  ADD: 'use COPY (ADD also fetches URLs and unpacks archives, which the rules cannot judge)',
  VOLUME: 'declare volumes in the compose file, not in the image',
  SHELL: 'remove it: a distroless runtime has no shell, and builders use /bin/sh',
  ONBUILD: 'remove it: a base image runs nothing in the images built on it',
  MAINTAINER: 'use LABEL maintainer="..." (MAINTAINER is deprecated)',
};

/**
 * Adds the stages and instructions of `text` to the empty Dockerfile `df`, and returns what could not be read
 * (`line N: ...`), empty when all was.
 * @internal
 */
export function readDockerfileText(df: Dockerfile, text: string): string[] {
  const problems: string[] = [];
  const parsed = DockerfileParser.parse(text);
  const stages: Stage[] = [];
  const globalArgs = new Map<string, string>();
  let stage: Stage | undefined;

  for (const i of parsed.getInstructions()) {
    const keyword = i.getKeyword().toUpperCase();
    const line = i.getRange().start.line + 1;
    const problem = (what: string) => problems.push(`line ${line}: ${what}`);

    if (keyword === 'FROM') {
      stage = addStage(df, i as From, stages, globalArgs, problem);
      if (stage) {
        stages.push(stage);
      }
      continue;
    }
    if (!stage) {
      if (keyword === 'ARG') {
        for (const [name, value] of argsOf(i)) {
          globalArgs.set(name, value ?? '');
        }
      } else {
        problem(`${keyword} before the first FROM: move it into a stage`);
      }
      continue;
    }
    if (NOT_MODELLED[keyword]) {
      problem(`${keyword} is not read: ${NOT_MODELLED[keyword]}`);
      continue;
    }
    switch (keyword) {
      case 'RUN':
        if (isJson(i)) {
          stage.addRunExec(jsonStrings(i));
        } else {
          stage.addRun(commandText(i));
        }
        break;
      case 'COPY':
        readCopy(stage, i as Copy, stages, problem);
        break;
      case 'ENV':
        for (const p of (i as PropertyInstruction).getProperties()) {
          stage.addEnv(p.getName(), p.getValue() ?? '');
        }
        break;
      case 'LABEL':
        for (const p of (i as PropertyInstruction).getProperties()) {
          stage.addLabel(unquote(p.getName()), p.getValue() ?? '');
        }
        break;
      case 'ARG':
        for (const [name, value] of argsOf(i)) {
          stage.addArg(name, value);
        }
        break;
      case 'EXPOSE':
        for (const a of i.getArguments()) {
          const m = /^(\d+)(?:\/(tcp|udp))?$/i.exec(a.getValue());
          if (m) {
            stage.addExpose(Number(m[1]), m[2]?.toLowerCase() === 'udp' ? Protocol.UDP : Protocol.TCP);
          } else {
            problem(`EXPOSE ${a.getValue()} is not a port: write a number, e.g. EXPOSE 8080`);
          }
        }
        break;
      case 'USER':
        stage.addUser(i.getArgumentsContent() ?? '');
        break;
      case 'WORKDIR':
        stage.addWorkdir(i.getArgumentsContent() ?? '');
        break;
      case 'ENTRYPOINT':
        stage.useEntrypoint(commandOf(i));
        break;
      case 'CMD':
        stage.useCmd(commandOf(i));
        break;
      case 'STOPSIGNAL':
        stage.useStopSignal(i.getArgumentsContent() ?? '');
        break;
      case 'HEALTHCHECK':
        readHealthcheck(stage, i as Healthcheck, problem);
        break;
      default:
        problem(`${keyword} is not a Dockerfile instruction: fix the spelling`);
    }
  }
  if (stages.length === 0 && problems.length === 0) {
    problems.push('no FROM: a Dockerfile starts its first stage with FROM');
  }
  return problems;
}

function addStage(df: Dockerfile, from: From, stages: Stage[], args: Map<string, string>, problem: (w: string) => void): Stage | undefined {
  const written = (from.getImage() ?? '').replace(/\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?/g, (m, name) => args.get(name) ?? m);
  const name = (from.getBuildStage() ?? `stage${stages.length}`).toLowerCase();
  const earlier = stages.find(s => s.name === written.toLowerCase());
  if (!earlier && !parseRef(written)) {
    problem(`FROM ${written || '(nothing)'} is not an image reference or an earlier stage: name an image (e.g. debian:13-slim)`);
    return undefined;
  }
  if (stages.some(s => s.name === name)) {
    problem(`a second stage is named ${name}: give each stage its own name`);
    return undefined;
  }
  const ref = parseRef(written);
  const baseImage = earlier ? BaseImage.fromStage(earlier)
    : BaseImage.fromRegistry(written, { hasShell: !(ref && isDistroless(ref) && !/debug/.test(ref.tag ?? '')) });
  return df.addStage(name, { baseImage });
}

function readCopy(stage: Stage, copy: Copy, stages: Stage[], problem: (w: string) => void): void {
  if (copy.getHeredocs().length > 0) {
    problem('COPY with a heredoc is not read: copy a file of the build context');
    return;
  }
  const flags = new Map(copy.getFlags().map(f => [f.getName().toLowerCase(), f.getValue() ?? '']));
  const words = isJson(copy) ? jsonStrings(copy) : copy.getArguments().map(a => a.getValue()).filter(w => !w.startsWith('--'));
  if (words.length < 2) {
    problem('COPY needs at least one source and a destination');
    return;
  }
  const from = flags.get('from');
  const fromStage = from === undefined ? undefined
    : /^\d+$/.test(from) ? stages[Number(from)] : stages.find(s => s.name === from.toLowerCase());
  stage.addCopy(words.slice(0, -1), words[words.length - 1], {
    fromStage,
    fromImage: from !== undefined && !fromStage ? from : undefined,
    chown: flags.get('chown'),
    chmod: flags.get('chmod'),
    link: flags.has('link') ? flags.get('link') !== 'false' : undefined,
  });
}

function readHealthcheck(stage: Stage, hc: Healthcheck, problem: (w: string) => void): void {
  const sub = hc.getSubcommand()?.getValue().toUpperCase();
  if (sub === 'NONE') {
    return;
  }
  if (sub !== 'CMD') {
    problem('HEALTHCHECK without CMD is not read: write HEALTHCHECK CMD ["program", "arg"]');
    return;
  }
  const seconds = (name: string): number | undefined => {
    const v = hc.getFlags().find(f => f.getName().toLowerCase() === name)?.getValue();
    return v === undefined || v === null ? undefined : durationSeconds(v);
  };
  const retries = hc.getFlags().find(f => f.getName().toLowerCase() === 'retries')?.getValue();
  // The command after CMD: JSON strings (exec form) or the rest of the line, which Docker runs with /bin/sh -c.
  const json = hc.getArguments().length > 1 && hc.getArguments()[1].getValue().startsWith('[')
    ? parseJsonArray((hc.getRawArgumentsContent() ?? '').replace(/^[\s\S]*?\bCMD\b/i, '').trim()) : undefined;
  const shell = (hc.getRawArgumentsContent() ?? '').replace(/^[\s\S]*?\bCMD\b/i, '').replace(/\\\r?\n/g, ' ').trim();
  stage.useHealthcheck({
    command: json ?? ['/bin/sh', '-c', shell],
    intervalSeconds: seconds('interval'),
    timeoutSeconds: seconds('timeout'),
    startPeriodSeconds: seconds('start-period'),
    startIntervalSeconds: seconds('start-interval'),
    retries: retries ? Number(retries) : undefined,
  });
}

/** `30s`, `1m30s`, `500ms` (rounded up), as whole seconds. */
function durationSeconds(v: string): number | undefined {
  const re = /(\d+(?:\.\d+)?)(h|ms|m|s|us|ns)/g;
  let total = 0;
  let matched = '';
  for (let m = re.exec(v); m; m = re.exec(v)) {
    matched += m[0];
    total += Number(m[1]) * ({ h: 3600, m: 60, s: 1, ms: 1e-3, us: 1e-6, ns: 1e-9 } as { [u: string]: number })[m[2]];
  }
  return matched === v && v !== '' ? Math.ceil(total) : undefined;
}

/** ENTRYPOINT and CMD as exec arguments: the JSON form as written, the shell form as Docker runs it. */
function commandOf(i: Instruction): string[] {
  return isJson(i) ? jsonStrings(i) : ['/bin/sh', '-c', commandText(i)];
}

/** The command of a shell-form instruction, its line continuations joined as the shell reads them. */
function commandText(i: Instruction): string {
  return (i.getRawArgumentsContent() ?? '').replace(/\\\r?\n/g, ' ').replace(/[ \t]+/g, ' ').trim();
}

function isJson(i: Instruction): boolean {
  return i instanceof JSONInstruction && (i.getRawArgumentsContent() ?? '').trim().startsWith('[')
    && parseJsonArray((i.getRawArgumentsContent() ?? '').trim()) !== undefined;
}

function jsonStrings(i: Instruction): string[] {
  return parseJsonArray((i.getRawArgumentsContent() ?? '').trim()) ?? [];
}

/** A JSON array of strings (the exec form), or undefined when the text is not one. */
function parseJsonArray(text: string): string[] | undefined {
  try {
    const v = JSON.parse(text.replace(/\\\r?\n/g, ''));
    return Array.isArray(v) && v.every(x => typeof x === 'string') ? v : undefined;
  } catch {
    return undefined;
  }
}

/** ARG's `name[=default]` words. */
function argsOf(i: Instruction): [string, string | undefined][] {
  return i.getArguments().map(a => {
    const w = a.getValue();
    const eq = w.indexOf('=');
    return eq < 0 ? [w, undefined] : [w.slice(0, eq), unquote(w.slice(eq + 1))];
  });
}

function unquote(s: string): string {
  return /^"(.*)"$/s.test(s) || /^'(.*)'$/s.test(s) ? s.slice(1, -1) : s;
}
