import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Project } from 'projen';
import {
  Layer, LucidApp, LucidAppProps, LucidService, LucidServiceProps, Plane, SecretSource, ServiceRuntime, StaticBase, Testing,
} from '../../src';
import { isConstructError, isSynthesisError } from '../../src/core/errors';
import { pathProblem } from '../../src/core/path-grammar';
import { synthWithoutPost } from '../../src/testing';

function props(overrides: Partial<LucidServiceProps> = {}): LucidServiceProps {
  return {
    plane: Plane.OPS,
    layer: Layer.CORE_SUPPORT,
    description: 'test service',
    directory: 'apps/svc',
    port: 8080,
    runtime: ServiceRuntime.python(),
    ...overrides,
  };
}

/** Every file under `dir`, relative, with its bytes: what "untouched" is compared with. */
function tree(dir: string): { [file: string]: string } {
  const out: { [file: string]: string } = {};
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) {
        walk(full);
      } else {
        out[path.relative(dir, full)] = fs.readFileSync(full, 'latin1');
      }
    }
  };
  walk(dir);
  return out;
}

/**
 * Builds an app in a project inside a fresh folder (itself inside a parent folder, to see files written next
 * to the project), synthesizes it, and returns the error with what the folders hold before and after.
 */
function synthInFolder(appProps: LucidAppProps, build: (app: LucidApp) => void = () => undefined) {
  const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'lucid-cdk-paths-'));
  try {
    const outdir = path.join(parent, 'project');
    fs.mkdirSync(outdir);
    fs.writeFileSync(path.join(outdir, 'keep.txt'), 'kept\n');
    const before = tree(parent);
    let error: unknown;
    try {
      const project = new Project({ name: 'paths', outdir });
      const app = new LucidApp(project, 'Lucid', appProps);
      build(app);
      synthWithoutPost(project);
    } catch (e) {
      error = e;
    }
    return { error, before, after: tree(parent) };
  } finally {
    fs.rmSync(parent, { recursive: true, force: true });
  }
}

/** The messages of a synthesis or construct error. */
function messagesOf(error: unknown): string[] {
  if (isSynthesisError(error)) {
    return error.problems;
  }
  if (isConstructError(error)) {
    return [error.message];
  }
  throw error;
}

describe('the path grammar', () => {
  test.each([
    ['apps/web', undefined],
    ['a', undefined],
    ['src/', undefined],
    ['caf\u00e9/\u{1f600}', undefined],
    ['.', 'is empty or "." component'],
    ['', 'is empty'],
    ['../x.hcl', 'leaves its folder with ".."'],
    ['a/../../x', 'leaves its folder with ".."'],
    ['/tmp/x.hcl', 'is absolute'],
    ['a\\b', 'contains a backslash'],
    ['~/x', 'starts with "~"'],
    ['~', 'starts with "~"'],
    ['a//b', 'empty or "." component'],
    ['./a', 'empty or "." component'],
    ['a\nb', 'the control character U+000A'],
    ['a\u0085b', 'the control character U+0085'],
    ['a\u2028b', 'U+2028'],
    ['\ud800', 'an unpaired surrogate U+D800'],
    ['e\u0301', 'not in Unicode normal form C'],
    ['<<EOF', 'starts with "<<"'],
    ['x'.repeat(256), 'a component longer than 255 bytes'],
    ['\u00e9'.repeat(128), 'a component longer than 255 bytes'],
    [Array(300).fill('abcd').join('/'), 'longer than 1024 bytes'],
  ].map(([value, problem]) => [JSON.stringify(value).slice(0, 40), problem ?? 'fits', value] as [string, string | undefined, string]))('%s: %s', (_label, problem, value) => {
    const found = pathProblem(value, { allowTrailingSlash: true });
    if (problem === 'fits') {
      expect(found).toBeUndefined();
    } else {
      expect(found).toContain(problem!.replace('is empty or "." component', 'empty or "." component'));
    }
  });

  test('"." names the folder itself only where the option allows it', () => {
    expect(pathProblem('.', { allowDot: true })).toBeUndefined();
    expect(pathProblem('.')).toContain('"." component');
  });
});

describe('output files stay inside the app\'s folder (nothing is written when one would not)', () => {
  test.each([
    ['bake.fileName ../x.hcl', { bake: { fileName: '../x.hcl' } }, 'Lucid] bake.fileName "../x.hcl" leaves its folder'],
    ['bake.fileName absolute', { bake: { fileName: '/tmp/x.hcl' } }, 'Lucid] bake.fileName "/tmp/x.hcl" is absolute'],
    ['compose.fileName ../x.yml', { compose: { fileName: '../x.yml' } }, 'Lucid] compose.fileName "../x.yml" leaves its folder'],
    ['compose.baseFileName ../../b.yml', { compose: { baseFileName: 'a/../../b.yml' } }, 'Lucid] compose.baseFileName "a/../../b.yml" leaves its folder'],
    ['outdir with a backslash', { outdir: 'a\\b' }, 'Lucid] outdir "a\\\\b" contains a backslash'],
    ['outdir with an unpaired surrogate', { outdir: 'x\ud800' }, 'Lucid] outdir "x\\ud800" contains an unpaired surrogate'],
  ])('%s is refused with the construct path, and no file is written', (_what, appProps: LucidAppProps, message) => {
    const { error, before, after } = synthInFolder(appProps);
    expect(messagesOf(error).join('\n')).toContain(message);
    expect(after).toEqual(before);
  });

  test.each([
    ['a directory with a backslash', { directory: 'apps\\svc' }, 'Lucid/svc] directory "apps\\\\svc" contains a backslash: separate folders with "/"'],
    ['a directory starting with ~', { directory: '~/svc' }, 'Lucid/svc] directory "~/svc" starts with "~"'],
    ['a directory component over 255 bytes', { directory: `apps/${'x'.repeat(256)}` }, 'has a component longer than 255 bytes'],
    ['a directory with a newline', { directory: 'apps/s\nvc' }, 'contains the control character U+000A'],
    ['a secret from "~"', { secrets: [{ name: 'key', source: SecretSource.FILE, location: '~' }] }, 'Lucid/svc] secret "key" from "~" starts with "~"'],
    ['a secret from an absolute path', { secrets: [{ name: 'key', source: SecretSource.FILE, location: '/etc/shadow' }] }, 'secret "key" from "/etc/shadow" is absolute'],
    ['a Python source starting with <<', { runtime: ServiceRuntime.python({ source: '<<EOF' }) }, 'COPY source "<<EOF" starts with "<<"'],
    ['a Node source starting with <<', { runtime: ServiceRuntime.nodejs({ sources: ['<<EOF'] }) }, 'COPY source "<<EOF" starts with "<<"'],
  ])('%s is refused with the construct path before anything is written', (_what, overrides: Partial<LucidServiceProps>, message) => {
    const { error, before, after } = synthInFolder({}, app => new LucidService(app, 'svc', props(overrides)));
    expect(messagesOf(error).join('\n')).toContain(message);
    expect(after).toEqual(before);
  });

  test('a base image\'s directory follows the same grammar', () => {
    const app = Testing.app();
    new StaticBase(app, 'tools', { directory: 'images/a\\b' });
    expect(Testing.problems(app).join('\n')).toContain('Lucid/tools] directory "images/a\\\\b" contains a backslash');
  });
});
