import { spawnSync } from 'child_process';
import {
  HealthCheck, JavaBase, Layer, LucidApp, LucidService, Plane, RuntimeFamily, ServiceRuntime, StaticBase, Testing,
} from '../../src';
import { isConstructError } from '../../src/core/errors';
import { hostileStrings } from '../util/hostile';

// Every value a user gives that reaches a builder's shell either fits its grammar (and is written as one quoted
// word) or is refused with the construct path. "Comes back unchanged" is judged by a real shell: the RUN line is
// run by bash in restricted mode (no output redirection, no command with "/", an empty PATH), where the programs
// it calls are functions that print the words they were given.

/** Functions standing in for the builder's programs: each prints, NUL-separated, the words under test. */
const STUBS = [
  'apt-get() { if [ "$1" = install ]; then shift 3; printf \'%s\\0\' "$@"; fi; }',
  'rm() { :; }', 'mkdir() { :; }', 'ldd() { :; }', 'awk() { :; }', 'xargs() { :; }',
  // `cp --parents -L "$b" /closure/`: the binary is the third word.
  'cp() { printf \'%s\\0\' "$3"; }',
  'jlink() { printf \'%s\\0\' "$2"; }',
  // `sh /usr/local/bin/copy-closure <out> <paths...>`
  'sh() { shift 2; printf \'%s\\0\' "$@"; }',
].join('\n');

/** What bash passes to the stubs, for each command: one list of words per command. */
function wordsOf(commands: string[]): string[][] {
  const script = [STUBS, ...commands.map(c => `${c}\nprintf '\\001\\0'`)].join('\n');
  const result = spawnSync('/bin/bash', ['-r', '-c', script], { encoding: 'utf-8', env: { PATH: '' }, cwd: Testing.project().outdir });
  const words = result.stdout.split('\0').slice(0, -1);
  const out: string[][] = [[]];
  for (const w of words) {
    if (w === '\u0001') {
      out.push([]);
    } else {
      out[out.length - 1].push(w);
    }
  }
  return out.slice(0, -1);
}

/** The shell command of the RUN line of `dockerfile` that contains `marker`, without RUN's flags. */
function runLine(dockerfile: string, marker: string): string {
  const line = dockerfile.split('\n').find(l => l.startsWith('RUN ') && l.includes(marker));
  if (!line) {
    throw new Error(`no RUN line with ${marker} in\n${dockerfile}`);
  }
  return line.slice('RUN '.length).replace(/^(--\S+ )+/, '');
}

function service(runtime: ServiceRuntime): { app: LucidApp; svc: LucidService } {
  const app = Testing.app();
  const svc = new LucidService(app, 'prog', {
    plane: Plane.OPS,
    layer: Layer.CORE_SUPPORT,
    description: 'a Debian program',
    directory: 'apps/prog',
    port: 9050,
    runtime,
    healthCheck: HealthCheck.tcp(),
  });
  return { app, svc };
}

/** How one field is set, where its RUN line is, and what bash must read back from it. */
interface Field {
  readonly name: string;
  readonly plain: string;
  readonly prefix?: string;
  /** The Dockerfile, or the problems the construct at `path` reports (or throws) for `value`. */
  readonly make: (value: string) => { dockerfile?: string; problems: string[] };
  readonly path: string;
  readonly marker: string;
  readonly expected: (value: string) => string[];
}

/** Runs `make`, turning a thrown construct error into its problem. */
function attempt(make: () => { dockerfile?: string; problems: string[] }): { dockerfile?: string; problems: string[] } {
  try {
    return make();
  } catch (e) {
    if (isConstructError(e)) {
      return { problems: [`[${e.constructPath}] ${e.problem}`] };
    }
    throw e;
  }
}

const PACKAGE_CHARS = 'abcdefghijklmnopqrstuvwxyz0123456789+.-';
const PATH_CHARS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._+@-/';
const MODULE_CHARS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.';

const FIELDS: Field[] = [
  {
    name: 'StaticBase.builderPackages',
    plain: PACKAGE_CHARS,
    path: 'Lucid/tools',
    marker: 'apt-get install',
    make: v => attempt(() => {
      const app = Testing.app();
      const b = new StaticBase(app, 'tools', { directory: 'images/tools', builderPackages: [v], binaries: ['/usr/bin/curl'] });
      return { dockerfile: b.dockerfile.render(), problems: app.validate() };
    }),
    expected: v => [v],
  },
  {
    name: 'StaticBase.binaries',
    plain: PATH_CHARS,
    prefix: '/usr/bin/',
    path: 'Lucid/tools',
    marker: 'for b in',
    make: v => attempt(() => {
      const app = Testing.app();
      const b = new StaticBase(app, 'tools', { directory: 'images/tools', builderPackages: ['curl'], binaries: [v] });
      return { dockerfile: b.dockerfile.render(), problems: app.validate() };
    }),
    expected: v => [v],
  },
  {
    name: 'JavaBase.jlinkModules',
    plain: MODULE_CHARS,
    path: 'Lucid/jre',
    marker: 'jlink ',
    make: v => attempt(() => {
      const app = Testing.app();
      const b = new JavaBase(app, 'jre', { directory: 'images/jre', jlinkModules: [v] });
      return { dockerfile: b.dockerfile.render(), problems: app.validate() };
    }),
    expected: v => [[...new Set([v, 'java.base'])].sort().join(',')],
  },
  {
    name: 'ServiceRuntime.debianPackages packages',
    plain: PACKAGE_CHARS,
    path: 'Lucid/prog',
    marker: 'apt-get install',
    make: v => attempt(() => {
      const { svc } = service(ServiceRuntime.debianPackages({ packages: [v], programs: ['/usr/bin/tor'] }));
      const problems = svc.node.validate().map(p => `[${svc.node.path}] ${p}`);
      return { dockerfile: problems.length === 0 ? svc.dockerfile.render() : undefined, problems };
    }),
    expected: v => [v],
  },
  {
    name: 'ServiceRuntime.debianPackages programs',
    plain: PATH_CHARS,
    prefix: '/usr/bin/',
    path: 'Lucid/prog',
    marker: 'copy-closure',
    make: v => attempt(() => {
      const { svc } = service(ServiceRuntime.debianPackages({ packages: ['tor'], programs: ['/usr/bin/tor', v] }));
      const problems = svc.node.validate().map(p => `[${svc.node.path}] ${p}`);
      return { dockerfile: problems.length === 0 ? svc.dockerfile.render() : undefined, problems };
    }),
    expected: v => ['/usr/bin/tor', v],
  },
  {
    name: 'ServiceRuntime.debianPackages files',
    plain: PATH_CHARS,
    prefix: '/usr/share/',
    path: 'Lucid/prog',
    marker: 'copy-closure',
    make: v => attempt(() => {
      const { svc } = service(ServiceRuntime.debianPackages({ packages: ['tor'], programs: ['/usr/bin/tor'], files: [v] }));
      const problems = svc.node.validate().map(p => `[${svc.node.path}] ${p}`);
      return { dockerfile: problems.length === 0 ? svc.dockerfile.render() : undefined, problems };
    }),
    expected: v => ['/usr/bin/tor', v],
  },
];

describe('values that reach a builder\'s shell', () => {
  test.each([
    ['builderPackages', () => new StaticBase(Testing.app(), 'tools', { directory: 'images/tools', builderPackages: ['curl; touch /pwned'], binaries: ['/usr/bin/curl'] }),
      'builderPackages: "curl; touch /pwned" is not a Debian package name'],
    ['binaries', () => new StaticBase(Testing.app(), 'tools', { directory: 'images/tools', binaries: ['/usr/bin/$(id)'] }),
      'binaries: "/usr/bin/$(id)" must be an absolute path'],
    ['jlinkModules', () => new JavaBase(Testing.app(), 'tools', { directory: 'images/tools', jlinkModules: ['jdk.httpserver;id'] }),
      'jlinkModules: "jdk.httpserver;id" is not a Java module name'],
  ])('%s with a shell command in it is refused with the construct path and the fix', (_what, make, message) => {
    let thrown: unknown;
    try {
      make();
    } catch (e) {
      thrown = e;
    }
    expect(isConstructError(thrown)).toBe(true);
    expect((thrown as { constructPath: string }).constructPath).toMatch(/\/Lucid\/tools$/);
    expect((thrown as { problem: string }).problem.startsWith(message)).toBe(true);
    expect((thrown as Error).message).toMatch(/\(e\.g\. .+\)$/);
  });

  test('a Java service\'s jlinkModules with a shell command in it is refused with the construct path', () => {
    const { app } = service(ServiceRuntime.java({ jlinkModules: ['jdk.httpserver;id'] }));
    expect(Testing.problems(app)).toContainEqual(expect.stringContaining('Lucid/prog] jlinkModules: "jdk.httpserver;id" is not a Java module name'));
  });

  test.each(FIELDS.map(f => [f.name, f] as [string, Field]))('%s: 1,000 hostile strings are refused with the construct path or read back unchanged by bash', (_name, field) => {
    const values = hostileStrings(0x5eed + field.name.length, 1000, field.plain).map(s => (field.prefix ?? '') + s);
    const accepted: { value: string; command: string }[] = [];
    for (const value of values) {
      const { dockerfile, problems } = field.make(value);
      if (problems.length > 0) {
        expect(problems.filter(p => !new RegExp(`^\\[([^\\]]*/)?${field.path}\\] `).test(p))).toEqual([]);
        continue;
      }
      accepted.push({ value, command: runLine(dockerfile!, field.marker) });
    }
    const words = wordsOf(accepted.map(a => a.command));
    expect(words).toEqual(accepted.map(a => field.expected(a.value)));
    // Both outcomes are exercised: the plain third of the strings is mostly accepted.
    expect(accepted.length).toBeGreaterThan(100);
    expect(accepted.length).toBeLessThan(values.length);
  }, 120_000);

  test('the family\'s runtime RUN lines read back unchanged too (jlink on a Java service)', () => {
    const { svc } = service(ServiceRuntime.java({ jlinkModules: ['jdk.httpserver', 'java.sql'] }));
    const command = runLine(svc.dockerfile.render(), 'jlink ');
    expect(wordsOf([command])).toEqual([['java.base,java.sql,jdk.httpserver']]);
    expect(RuntimeFamily.JAVA21_DEBIAN13.name).toBe('java21-debian13');
  });
});
