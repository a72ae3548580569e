import { DockerfileParser } from 'dockerfile-ast';
import {
  FoundationService, HealthCheck, Layer, LucidApp, LucidService, Plane, SecretSource, ServiceRuntime, Testing,
} from '../../src';
import { isConstructError } from '../../src/core/errors';
import { docker } from '../util/docker';
import { hostileStrings } from '../util/hostile';

// Hostile strings in the fields whose values reach the generated files as values: each is either refused, with
// the path of the construct it was given to, or read back unchanged by the program that consumes the file
// (`docker compose config`, `docker buildx bake --print`, a Dockerfile parser for exec-form CMD). Every field draws the same
// seeded strings, a third of them made of ordinary characters only; all accepted values of a field go into one
// app (one service each) and each consumer reads that app once.

const COUNT = 150;

/** A problem that names the construct the value was given to, or one inside it (its Dockerfile, a stage). */
const UNDER_SVC = /^\[([^\]]*\/)?Lucid\/svc-1[\]/]/;

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
  private bakeJson?: any;
  constructor(private readonly dir: string, public readonly files: { [path: string]: string }) {}

  public get compose(): any {
    this.composeJson ??= JSON.parse(docker(['compose', '-f', 'docker-compose.yml', '--profile', '*', 'config', '--format', 'json'], this.dir).stdout);
    return this.composeJson;
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
}

function service(app: LucidApp, id: string, extra: ServiceExtra = {}): LucidService {
  return new LucidService(app, id, {
    plane: Plane.OPS,
    layer: Layer.CORE_SUPPORT,
    description: extra.description ?? 'a service',
    version: extra.version,
    directory: `apps/${id}`,
    port: 10000 + Number(id.replace(/\D/g, '') || 0),
    runtime: ServiceRuntime.python({}),
    env: extra.env,
    args: extra.args,
  });
}

interface FoundationExtra {
  readonly env?: { [k: string]: string };
  readonly command?: string[];
  readonly health?: string[];
  readonly tmpfs?: string[];
}

function foundation(app: LucidApp, id: string, extra: FoundationExtra = {}): void {
  new FoundationService(app, id, {
    image: 'redis:8.0',
    port: 20000 + Number(id.replace(/\D/g, '') || 0),
    user: '999:999',
    healthCheck: HealthCheck.exec(extra.health ?? ['/usr/local/bin/redis-cli', 'ping']),
    env: extra.env,
    command: extra.command,
    tmpfs: extra.tmpfs,
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

/** The problems of `set` for `value` alone, or [] when the app synthesizes. */
function problemsOf(field: Field, value: string): string[] {
  const app = Testing.app();
  try {
    field.set(app, 'svc-1', value);
  } catch (e) {
    if (isConstructError(e)) {
      return [`[${e.constructPath}] ${e.problem}`];
    }
    throw e;
  }
  return Testing.problems(app);
}

describe.each(FIELDS)('hostile values in $name', (field) => {
  const values = [...new Set(hostileStrings(0x41f, COUNT, 'abcXYZ019 _.:/-=@'))];

  test('are refused with the path of the construct they were given to, or read back unchanged by the consumer', () => {
    // GIVEN: each value alone
    const accepted: string[] = [];
    for (const value of values) {
      const problems = problemsOf(field, value);
      if (problems.length === 0) {
        accepted.push(value);
      } else {
        // THEN: a refusal names the construct (not an emitter such as Lucid/Compose) and nothing else
        expect([value, problems.filter(p => !UNDER_SVC.test(p))]).toEqual([value, []]);
      }
    }
    // Ordinary strings must be accepted, or the field refuses everything and the test proves nothing.
    expect(accepted.length).toBeGreaterThan(COUNT / 4);

    // WHEN: every accepted value in one app, each in its own construct
    const app = Testing.app();
    accepted.forEach((value, i) => field.set(app, `svc-${i + 1}`, value));
    const files = Testing.synth(app);
    const read = new Consumers(app.project.outdir, files);

    // THEN
    const back = accepted.map((value, i) => [value, field.readBack(read, `svc-${i + 1}`)]);
    expect(back.filter(([value, got]) => got !== value)).toEqual([]);
  });
});

test('a secret file location with hostile characters is refused with the service path, or reaches compose unchanged', () => {
  const values = [...new Set(hostileStrings(0x5ec, COUNT, 'abcXYZ019_.-/'))];
  const accepted: string[] = [];
  for (const location of values) {
    const app = Testing.app();
    const problems = (() => {
      try {
        new FoundationService(app, 'svc-1', {
          image: 'redis:8.0',
          port: 6379,
          user: '999:999',
          healthCheck: HealthCheck.exec(['/usr/local/bin/redis-cli', 'ping']),
          secrets: [{ name: 'token', source: SecretSource.FILE, location }],
        });
      } catch (e) {
        if (isConstructError(e)) {
          return [`[${e.constructPath}] ${e.problem}`];
        }
        throw e;
      }
      return Testing.problems(app);
    })();
    if (problems.length === 0) {
      accepted.push(location);
    } else {
      expect([location, problems.filter(p => !UNDER_SVC.test(p))]).toEqual([location, []]);
    }
  }
  expect(accepted.length).toBeGreaterThan(COUNT / 4);
  for (const location of accepted.slice(0, 20)) {
    const app = Testing.app();
    new FoundationService(app, 'svc-1', {
      image: 'redis:8.0',
      port: 6379,
      user: '999:999',
      healthCheck: HealthCheck.exec(['/usr/local/bin/redis-cli', 'ping']),
      secrets: [{ name: 'token', source: SecretSource.FILE, location }],
    });
    Testing.synth(app);
    const config = JSON.parse(docker(['compose', '-f', 'docker-compose.yml', '--profile', '*', 'config', '--format', 'json', '--no-path-resolution'], app.project.outdir).stdout);
    expect([location, Consumers.composeValue(config.secrets.token.file)]).toEqual([location, location]);
  }
});
