import { execFileSync } from 'child_process';
import { DockerfileParser } from 'dockerfile-ast';
import {
  FoundationService, HealthCheck, Layer, LucidApp, LucidService, Plane, SecretSource, ServiceRuntime, Testing,
} from '../../src';
import { isConstructError, isSynthesisError } from '../../src/core/errors';
import { parseWorkflow, workflowText } from '../ci/util';
import { decodeDockerfile } from '../dockerfile/decode';
import { docker } from '../util/docker';
import { hostileStrings } from '../util/hostile';

// Hostile strings in the fields whose values reach the generated files as values: each is either refused, with
// the path of the construct it was given to, or read back unchanged by the program that consumes the file
// (`docker compose config`, `docker buildx bake --print`, a Dockerfile parser for exec-form CMD). Every field draws the same
// seeded strings, a third of them made of ordinary characters only. All values of a field go into one app, one
// construct each: a synthesis refuses some, each by a problem under the construct it was given to; those are taken
// out and the rest synthesized again, until the app synthesizes. A problem that names no construct of the field
// (an emitter, a generated file) fails the test. Each consumer then reads the final app once.

const COUNT = 1000;


/** A field: how a value is given, and where its consumer shows it back. */
interface Field {
  readonly name: string;
  /** Adds a construct at `Lucid/<id>` with `value` in the field. */
  readonly set: (app: LucidApp, id: string, value: string) => void;
  /** What the consumers read back for the construct `id`, in the app synthesized into `dir`. */
  readonly readBack: (read: Consumers, id: string) => string | undefined;
}

/** The consumers' views of one synthesized app, each computed once. */
class Consumers {
  /** `docker compose config` prints a literal `$` as `$$`, so that its output is itself a compose file. */
  public static composeValue(printed: unknown): unknown {
    return typeof printed === 'string' ? printed.replace(/\$\$/g, '$') : printed;
  }

  /** `docker buildx bake --print` prints a literal `${` or `%{` as `$${` or `%%{`, as a bake file writes them. */
  public static bakeValue(printed: unknown): unknown {
    return typeof printed === 'string' ? printed.replace(/([$%])\1\{/g, '$1{') : printed;
  }

  private composeJson?: any;
  private composeRawJson?: any;
  private structureTests?: Map<string, string>;
  private bakeJson?: any;
  constructor(private readonly dir: string, public readonly files: { [path: string]: string }) {}

  public get compose(): any {
    this.composeJson ??= JSON.parse(docker(['compose', '-f', 'docker-compose.yml', '--profile', '*', 'config', '--format', 'json'], this.dir).stdout);
    return this.composeJson;
  }

  /** The value of `key` in the last `keyword` (ENV, LABEL) of the runtime stage, decoded as BuildKit reads it. */
  public dockerfilePair(id: string, keyword: string, key: string): string | undefined {
    const decoded = decodeDockerfile(this.files[`apps/${id}/Dockerfile`]);
    const pairs = decoded.filter(d => d.keyword === keyword).flatMap(d => d.pairs ?? []);
    return pairs.filter(([k]) => k === key).pop()?.[1];
  }

  /** `docker compose config` with the paths as the file writes them (not made absolute). */
  public get composeAsWritten(): any {
    this.composeRawJson ??= JSON.parse(docker(['compose', '-f', 'docker-compose.yml', '--profile', '*', 'config', '--format', 'json', '--no-path-resolution'], this.dir).stdout);
    return this.composeRawJson;
  }

  /**
   * Per service, the folder of its structure test as the workflow's step hands it to bash: the workflow read by
   * GitHub's own parser, each step's `config=…` line run by bash.
   */
  public get structureTestFolders(): Map<string, string> {
    if (!this.structureTests) {
      const workflow = parseWorkflow(workflowText(this.files));
      const lines: [string, string][] = [];
      for (const job of Object.values(workflow.jobs) as any[]) {
        for (const step of job.steps ?? []) {
          const id = /^Structure test of (.+)$/.exec(step.name ?? '')?.[1];
          const line = String(step.run ?? '').split('\n').find((l: string) => l.startsWith('config='));
          if (id && line) {
            lines.push([id, line]);
          }
        }
      }
      const script = lines.map(([, line]) => `${line}\nprintf '%s\\0' "\${config%/structure-test.yaml}"`).join('\n');
      const values = execFileSync('bash', ['-c', script], { encoding: 'utf-8' }).split('\0');
      this.structureTests = new Map(lines.map(([id], i) => [id, values[i]]));
    }
    return this.structureTests;
  }

  public get bake(): any {
    this.bakeJson ??= JSON.parse(docker(['buildx', 'bake', '-f', 'docker-bake.hcl', '--print'], this.dir).stdout);
    return this.bakeJson;
  }
}

interface ServiceExtra {
  readonly description?: string;
  readonly version?: string;
  readonly env?: { [k: string]: string };
  readonly args?: string[];
  readonly directory?: string;
}

function service(app: LucidApp, id: string, extra: ServiceExtra = {}): LucidService {
  return new LucidService(app, id, {
    plane: Plane.OPS,
    layer: Layer.CORE_SUPPORT,
    description: extra.description ?? 'a service',
    version: extra.version,
    directory: extra.directory ?? `apps/${id}`,
    port: 10000 + Number(id.replace(/\D/g, '') || 0),
    runtime: ServiceRuntime.python({}),
    env: extra.env,
    args: extra.args,
  });
}

interface FoundationExtra {
  readonly user?: string;
  readonly env?: { [k: string]: string };
  readonly command?: string[];
  readonly health?: string[];
  readonly tmpfs?: string[];
  readonly dataPath?: string;
}

function foundation(app: LucidApp, id: string, extra: FoundationExtra = {}): void {
  new FoundationService(app, id, {
    image: 'redis:8.0',
    port: 20000 + Number(id.replace(/\D/g, '') || 0),
    user: extra.user ?? '999:999',
    healthCheck: HealthCheck.exec(extra.health ?? ['/usr/local/bin/redis-cli', 'ping']),
    env: extra.env,
    command: extra.command,
    tmpfs: extra.tmpfs,
    dataPath: extra.dataPath,
  });
}

const FIELDS: Field[] = [
  {
    name: 'LucidService.description (bake target label)',
    set: (app, id, v) => service(app, id, { description: v }),
    readBack: (read, id) => Consumers.bakeValue(read.bake.target[id]?.labels?.description) as string,
  },
  {
    name: 'LucidService.env value (compose environment)',
    set: (app, id, v) => service(app, id, { env: { HOSTILE: v } }),
    readBack: (read, id) => Consumers.composeValue(read.compose.services[id]?.environment?.HOSTILE) as string,
  },
  {
    name: 'LucidService.args (compose sees the image; Dockerfile CMD reads back)',
    set: (app, id, v) => service(app, id, { args: ['--flag', v] }),
    readBack: (read, id) => {
      const text = read.files[`apps/${id}/Dockerfile`];
      const cmd = DockerfileParser.parse(text).getInstructions().find(i => i.getKeyword() === 'CMD');
      return cmd ? JSON.parse(cmd.getArgumentsContent() ?? '[]')[1] : undefined;
    },
  },
  {
    name: 'LucidService.description (Dockerfile LABEL, read with BuildKit\'s word rules)',
    set: (app, id, v) => service(app, id, { description: v }),
    readBack: (read, id) => read.dockerfilePair(id, 'LABEL', 'description'),
  },
  {
    name: 'LucidService.version (bake target label)',
    set: (app, id, v) => service(app, id, { version: v }),
    readBack: (read, id) => Consumers.bakeValue(read.bake.target[id]?.labels?.version) as string,
  },
  {
    name: 'LucidService.env value (Dockerfile ENV, read with BuildKit\'s word rules)',
    set: (app, id, v) => service(app, id, { env: { HOSTILE: v } }),
    readBack: (read, id) => read.dockerfilePair(id, 'ENV', 'HOSTILE'),
  },
  {
    name: 'LucidService.directory (bake context, compose build.context, where the Dockerfile is written, the workflow as bash reads it)',
    set: (app, id, v) => service(app, id, { directory: `apps/${id}/${v}` }),
    readBack: (read, id) => {
      const prefix = `apps/${id}/`;
      const dockerfile = Object.keys(read.files).find(f => f.startsWith(prefix) && f.endsWith('/Dockerfile'));
      const seen = [
        Consumers.bakeValue(read.bake.target[id]?.context),
        Consumers.composeValue(read.composeAsWritten.services[id]?.build?.context),
        dockerfile?.slice(0, -'/Dockerfile'.length),
        read.structureTestFolders.get(id),
      ] as (string | undefined)[];
      // one value when all three agree, else every view
      return new Set(seen).size === 1 && seen[0]?.startsWith(prefix) ? seen[0].slice(prefix.length) : JSON.stringify(seen);
    },
  },
  {
    name: 'FoundationService.user (compose user)',
    set: (app, id, v) => foundation(app, id, { user: v }),
    readBack: (read, id) => Consumers.composeValue(read.compose.services[id]?.user) as string,
  },
  {
    name: 'FoundationService.dataPath (compose volume target)',
    set: (app, id, v) => foundation(app, id, { dataPath: `/data/${v}` }),
    readBack: (read, id) => {
      const target = Consumers.composeValue(read.compose.services[id]?.volumes?.[0]?.target) as string | undefined;
      return target?.startsWith('/data/') ? target.slice('/data/'.length) : target;
    },
  },
  {
    name: 'FoundationService.tmpfs (compose tmpfs)',
    set: (app, id, v) => foundation(app, id, { tmpfs: [`/scratch/${v}`] }),
    readBack: (read, id) => {
      const tmpfs = Consumers.composeValue(read.compose.services[id]?.tmpfs?.[0]) as string | undefined;
      return tmpfs?.startsWith('/scratch/') ? tmpfs.slice('/scratch/'.length) : tmpfs;
    },
  },
  {
    name: 'FoundationService.env value (compose environment)',
    set: (app, id, v) => foundation(app, id, { env: { HOSTILE: v } }),
    readBack: (read, id) => Consumers.composeValue(read.compose.services[id]?.environment?.HOSTILE) as string,
  },
  {
    name: 'FoundationService.command (compose command)',
    set: (app, id, v) => foundation(app, id, { command: ['redis-server', v] }),
    readBack: (read, id) => Consumers.composeValue(read.compose.services[id]?.command?.[1]) as string,
  },
  {
    name: 'HealthCheck.exec argument (compose healthcheck.test)',
    set: (app, id, v) => foundation(app, id, { health: ['/usr/local/bin/redis-cli', v] }),
    readBack: (read, id) => Consumers.composeValue(read.compose.services[id]?.healthcheck?.test?.[2]) as string,
  },
];

/** The construct (`svc-N`) a problem names, if it is one of the field's. */
function svcOf(problem: string): string | undefined {
  return /^\[(?:[^\]]*\/)?Lucid\/(svc-\d+)[\]/]/.exec(problem)?.[1];
}

/**
 * `values` put into one app, `svc-<i+1>` each, and synthesized until the app synthesizes: every value a problem
 * refuses is taken out. Returns the app synthesized from the accepted values, the files it wrote, the accepted values
 * with their ids, and the problems that name no construct of the field (none, when every refusal names the
 * construct the value was given to).
 */
function partition(values: readonly string[], set: (app: LucidApp, id: string, value: string) => void) {
  let remaining = values.map((value, i) => ({ value, id: `svc-${i + 1}` }));
  const strays: string[] = [];
  for (;;) {
    const app = Testing.app();
    const refused = new Set<string>();
    for (const r of remaining) {
      try {
        set(app, r.id, r.value);
      } catch (e) {
        if (!isConstructError(e)) {
          throw e;
        }
        if (svcOf(`[${e.constructPath}]`) !== r.id) {
          strays.push(`${JSON.stringify(r.value)}: [${e.constructPath}] ${e.problem}`);
        }
        refused.add(r.id);
        // A constructor that throws after its construct joined the tree leaves it half made.
        app.node.tryRemoveChild(r.id);
      }
    }
    let problems: string[];
    try {
      const files = Testing.synth(app);
      if (refused.size === 0) {
        return { app, files, accepted: remaining, strays };
      }
      problems = [];
    } catch (e) {
      if (!isSynthesisError(e)) {
        throw e;
      }
      problems = e.problems;
    }
    for (const p of problems) {
      const id = svcOf(p);
      if (id === undefined || !remaining.some(r => r.id === id)) {
        strays.push(p);
      } else {
        refused.add(id);
      }
    }
    if (strays.length > 0) {
      return { app, files: {}, accepted: [], strays };
    }
    remaining = remaining.filter(r => !refused.has(r.id));
  }
}

/** `count` distinct hostile strings from `seed`, a third of them of the field's plain characters. */
function distinct(seed: number, count: number, plain: string): string[] {
  const out = new Set<string>();
  for (let round = 0; out.size < count; round++) {
    hostileStrings(seed + round, count, plain).forEach(v => out.size < count && out.add(v));
  }
  return [...out];
}

describe.each(FIELDS)('hostile values in $name', (field) => {
  const values = distinct(0x41f, COUNT, 'abcXYZ019 _.:/-=@');

  test('are refused with the path of the construct they were given to, or read back unchanged by the consumer', () => {
    // WHEN
    const { app, files, accepted, strays } = partition(values, field.set);

    // THEN: every refusal names the construct (not an emitter such as Lucid/Compose)
    expect(strays).toEqual([]);
    // Ordinary strings must be accepted, or the field refuses everything and the test proves nothing.
    expect(accepted.length).toBeGreaterThan(COUNT / 4);

    // and what was accepted comes back unchanged
    const read = new Consumers(app.project.outdir, files);
    const back = accepted.map(({ value, id }) => [value, field.readBack(read, id)]);
    expect(back.filter(([value, got]) => got !== value)).toEqual([]);
  });
});

test('a secret file location with hostile characters is refused with the service path, or reaches compose unchanged', () => {
  // GIVEN
  const values = distinct(0x5ec, COUNT, 'abcXYZ019_.-/');

  // WHEN: each location the secret of its own service (secret names differ: compose has one secret per name)
  const { app, accepted, strays } = partition(values, (a, id, location) => new FoundationService(a, id, {
    image: 'redis:8.0',
    port: 20000 + Number(id.replace(/\D/g, '')),
    user: '999:999',
    healthCheck: HealthCheck.exec(['/usr/local/bin/redis-cli', 'ping']),
    secrets: [{ name: `token-${id}`, source: SecretSource.FILE, location }],
  }));

  // THEN
  expect(strays).toEqual([]);
  expect(accepted.length).toBeGreaterThan(COUNT / 4);
  const config = JSON.parse(docker(['compose', '-f', 'docker-compose.yml', '--profile', '*', 'config', '--format', 'json', '--no-path-resolution'], app.project.outdir).stdout);
  const back = accepted.map(({ value, id }) => [value, Consumers.composeValue(config.secrets[`token-${id}`]?.file)]);
  expect(back.filter(([value, got]) => got !== value)).toEqual([]);
});
