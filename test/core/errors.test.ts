import * as fs from 'fs';
import * as path from 'path';
import { Testing } from '../../src';
import { BakeFile } from '../../src/bake/bake-file';
import * as errors from '../../src/core/errors';
import { isGeneratedFile } from '../../src/core/generated-file';
import { isPort, parsePort, portProblem } from '../../src/core/port';

const SRC = path.join(__dirname, '..', '..', 'src');

/** Every `.ts` file under src/, relative to it, with its text. */
function sources(): { file: string; text: string }[] {
  const out: { file: string; text: string }[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        walk(full);
      } else if (entry.name.endsWith('.ts')) {
        out.push({ file: path.relative(SRC, full).split(path.sep).join('/'), text: fs.readFileSync(full, 'utf-8') });
      }
    }
  };
  walk(SRC);
  return out;
}

/** The lines of `text` that hold code, not comments (`//` and JSDoc lines). */
function codeLines(text: string): { line: number; code: string }[] {
  return text.split('\n')
    .map((code, i) => ({ line: i + 1, code }))
    .filter(({ code }) => !/^\s*(\/\/|\/\*|\*)/.test(code));
}

/** `file:line: code` for every code line of every source but `except` that matches `pattern`. */
function offenders(pattern: RegExp, except: string[]): string[] {
  return sources()
    .filter(s => !except.includes(s.file))
    .flatMap(s => codeLines(s.text).filter(l => pattern.test(l.code)).map(l => `${s.file}:${l.line}: ${l.code.trim()}`));
}

const PATH = 'Lucid/api';

/**
 * Each factory of the errors module, called with sample arguments, and the words of the fix its message gives.
 * The factories that list problems (or pass on one) give the fix of each problem: for them, the problem given.
 */
const FACTORIES: { [name: string]: [() => Error, string] } = {
  invalidDebianPackage: [() => errors.invalidDebianPackage(PATH, 'builderPackages', 'curl; id'), 'use lower-case letters, digits'],
  invalidProgramPath: [() => errors.invalidProgramPath(PATH, 'binaries', '/usr/bin/$(id)'), 'must be an absolute path without'],
  invalidJavaModule: [() => errors.invalidJavaModule(PATH, 'jdk.httpserver;id'), 'use dot-separated identifiers'],
  invalidEnvName: [() => errors.invalidEnvName(PATH, 'A\nB'), 'use printable characters without spaces'],
  invalidPath: [() => errors.invalidPath(PATH, 'directory', 'a\\b', 'contains a backslash: separate folders with "/"'), 'separate folders with "/"'],
  notInsideLucidApp: [() => errors.notInsideLucidApp(PATH), 'create it with a LucidApp'],
  outdirOutsideProject: [() => errors.outdirOutsideProject(PATH, '../x'), 'must be a relative folder inside the project'],
  noRenderer: [() => errors.noRenderer('a.txt'), 'pass a render function'],
  invalidImageLock: [() => errors.invalidImageLock('images.lock.json', ['entry 1: digest "x" must be sha256: and 64 hex digits (copy it from docker buildx imagetools inspect)']), 'copy it from docker buildx imagetools inspect'],
  pinFailed: [() => errors.pinFailed(['mongo:8.0: not found (check the tag)']), 'check the tag'],
  fileAlreadyWritten: [() => errors.fileAlreadyWritten(PATH, 'apps/x/Dockerfile', 'App/Lucid/x'), 'give each image and service a directory of its own'],
  invalidGeneratedFile: [() => errors.invalidGeneratedFile('a.yml', ['x: is wrong (do y)']), 'x: is wrong (do y)'],
  stageOutsideDockerfile: [() => errors.stageOutsideDockerfile(PATH, 'runtime'), 'use dockerfile.addStage("runtime", ...)'],
  invalidStageName: [() => errors.invalidStageName(PATH, 'stage name "A" is invalid: use lower-case letters'), 'use lower-case letters'],
  duplicateStage: [() => errors.duplicateStage(PATH, 'runtime'), 'stage names must be unique'],
  noSuchStage: [() => errors.noSuchStage(PATH, 'final', ['builder', 'runtime']), 'its stages are "builder", "runtime"'],
  dockerfileNotRenderable: [() => errors.dockerfileNotRenderable(PATH, ['RUN needs a shell: run it in a builder stage']), 'run it in a builder stage'],
  unknownInstructionKind: [() => errors.unknownInstructionKind('NOPE'), 'please report it'],
  imageHasNoStages: [() => errors.imageHasNoStages(PATH), 'add one with image.dockerfile.addStage()'],
  familyNotOfLanguage: [() => errors.familyNotOfLanguage(PATH, 'python3-debian13', 'Node', ['nodejs24-debian13']), 'use one of nodejs24-debian13'],
  dockerignoreHeaderLine: [() => errors.dockerignoreHeaderLine('a\nb', 'a newline'), 'pass one array element per line'],
  dockerignoreUnlistable: [() => errors.dockerignoreUnlistable('a\nb', 'a newline'), 'rename the file'],
  dockerignoreUntrimmed: [() => errors.dockerignoreUntrimmed(' a'), 'remove the spaces'],
  dockerignoreOutsideContext: [() => errors.dockerignoreOutsideContext('../a'), 'copy only paths inside'],
  invalidImageReference: [() => errors.invalidImageReference('A B', 'it is bad'), 'Write [registry/]repository[:tag][@digest]'],
  invalidTag: [() => errors.invalidTag('-x'), 'up to 128 letters'],
  invalidImageTagTemplate: [() => errors.invalidImageTagTemplate(PATH, '{arch}'), 'where {tag} stands for the app\'s tag'],
  duplicateImageReference: [() => errors.duplicateImageReference(PATH, 'pickme/x:latest', 'App/Lucid/y'), 'give one of them another imageName or tag'],
  invalidDigest: [() => errors.invalidDigest('sha1:x', 'digest "sha1:x" must be sha256:'), 'must be sha256:'],
  unknownRecipe: [() => errors.unknownRecipe('cobol', ['python', 'go']), 'use one of go, python'],
  noServiceRecipe: [() => errors.noServiceRecipe(PATH, 'native'), 'give the service a runtime of ServiceRuntime.python()'],
  invalidBakeFile: [() => errors.invalidBakeFile(['target "a": x (do y)']), 'target "a": x (do y)'],
  invalidBakeVariableName: [() => errors.invalidBakeVariableName('A-B'), 'use a letter or "_"'],
  notABakeString: [() => errors.notABakeString('x'), 'wrap text in BakeString.literal()'],
  hclHeaderLineBreak: [() => errors.hclHeaderLineBreak('a\nb'), 'pass one array element per line'],
  hclNumberNotFinite: [() => errors.hclNumberNotFinite(NaN), 'give a finite number'],
  invalidHclIdentifier: [() => errors.invalidHclIdentifier('attribute name', 'a b'), 'expected a letter or "_"'],
  hclUnpairedSurrogate: [() => errors.hclUnpairedSurrogate(0xd800), 'remove it'],
  hclNotNfc: [() => errors.hclNotNfc('e\u0301'), "normalize it with .normalize('NFC')"],
  invalidRuleId: [() => errors.invalidRuleId('x', 'P'), 'use upper-case letters and digits'],
  duplicateRuleId: [() => errors.duplicateRuleId('X-1', 'P'), 'give the new rule another id'],
  ruleWithoutWords: [() => errors.ruleWithoutWords('X-1', 'P'), 'needs an info and an explanation'],
  ruleWithoutEvaluate: [() => errors.ruleWithoutEvaluate('X-1', 'P'), 'needs a rule object with an evaluate(construct) method'],
  nonCompliantWithoutViolations: [() => errors.nonCompliantWithoutViolations(), 'use RuleResult.compliant()'],
  ruleReturnedNoResult: [() => errors.ruleReturnedNoResult(), 'return RuleResult.compliant()'],
  suppressionWithoutRuleId: [() => errors.suppressionWithoutRuleId(PATH), 'needs the id of the rule it suppresses'],
  suppressionWithoutReason: [() => errors.suppressionWithoutReason(PATH, 'LUCID-PIN2', 10), 'needs a reason of at least 10 characters'],
  unreadableHandWrittenFile: [() => errors.unreadableHandWrittenFile(PATH, 'x.yml', 'ENOENT'), 'fix the path (relative to the app\'s folder)'],
  unreadableDockerfileLine: [() => errors.unreadableDockerfileLine(PATH, 'Dockerfile', 'line 3: ADD is not read: use COPY'), 'use COPY'],
  handWrittenFileNotMapping: [() => errors.handWrittenFileNotMapping(PATH, 'x.yml', 'compose'), 'check that the path names the right file'],
  invalidReportFile: [() => errors.invalidReportFile(PATH, 'x.txt'), 'e.g. "COMPLIANCE.md"'],
  invalidOverviewFileName: [() => errors.invalidOverviewFileName(PATH, 'x.txt'), 'e.g. "STACK.md"'],
  invalidMermaidIdPrefix: [() => errors.invalidMermaidIdPrefix('X'), 'use letters a-z and digits'],
  invalidMermaidClassName: [() => errors.invalidMermaidClassName('a-b'), 'use letters and digits'],

  invalidComposeFile: [() => errors.invalidComposeFile(['services.a: x (do y)']), 'services.a: x (do y)'],
  invalidComposeDuration: [() => errors.invalidComposeDuration(-1), 'must be a whole, non-negative number'],
  invalidWorkflow: [() => errors.invalidWorkflow(['jobs.a: x (do y)']), 'jobs.a: x (do y)'],
  workflowNotMapping: [() => errors.workflowNotMapping(), 'please report it'],
  nulInShellWord: [() => errors.nulInShellWord(), 'remove it'],
  noActionPin: [() => errors.noActionPin('a/b'), 'ImagesWorkflowOptions.actionPins'],
  unknownFamily: [() => errors.unknownFamily('python3', ['python3-debian13']), 'use one of python3-debian13'],
  invalidIsoDate: [() => errors.invalidIsoDate('asOf', '1 May'), 'must be an ISO date (YYYY-MM-DD)'],
  commandFailed: [() => errors.commandFailed('docker build', 1, 'ERROR: no space left on device'), 'no space left on device'],
  e2eNeedsRoot: [() => errors.e2eNeedsRoot(), 'run it with sudo or as root'],
  e2eNoImages: [() => errors.e2eNoImages('P/Lucid'), 'add a base image or a service'],
  e2eUnknownTarget: [() => errors.e2eUnknownTarget('x', ['a', 'b']), 'name one of a, b'],
  replayExpressionUnsupported: [() => errors.replayExpressionUnsupported('build-x: Build x', ' github.sha '), 'give the value literally'],
  invalidPublishAddress: [() => errors.invalidPublishAddress('Lucid', 'localhost'), 'give one such as "127.0.0.1"'],
  duplicateConstructId: [() => errors.duplicateConstructId('Lucid', 'api'), 'give each image and service of a scope an id of its own'],
  emptyConstructId: [() => errors.emptyConstructId('Lucid'), 'give it one such as "api"'],
  serviceNameTaken: [() => errors.serviceNameTaken(PATH, 'api', 'Lucid/group/api'), 'give one of them another id'],
  secretSourceClash: [() => errors.secretSourceClash(PATH, 'token', 'the file "a"', 'Lucid/b', 'the file "b"'), 'give one of them another name, or both the same source'],
  hostPortTaken: [() => errors.hostPortTaken(PATH, 8080, 'Lucid/web'), 'give one of them another port'],
  dependencyCycle: [() => errors.dependencyCycle(PATH, 'a => b => a'), 'remove one of these dependencies'],
  replayNeedsCycle: [() => errors.replayNeedsCycle(['a', 'b', 'a']), 'remove one of these needs'],
  buildCheckOutputUnreadable: [() => errors.buildCheckOutputUnreadable('it has no "target" object'), 'run it by hand to see what it printed'],
};

/** The functions of the errors module that write messages or tell errors apart, rather than make one. */
const NOT_FACTORIES = ['formatProblem', 'problemList', 'problemOf', 'isConstructError', 'isSynthesisError', 'ConstructError', 'SynthesisError'];

describe('the errors module', () => {
  test('every factory is listed here with the fix its message gives', () => {
    // GIVEN
    const exported = Object.keys(errors).filter(name => !NOT_FACTORIES.includes(name)).sort();

    // THEN
    expect(Object.keys(FACTORIES).sort()).toEqual(exported);
  });

  test.each(Object.entries(FACTORIES))('%s says what is wrong and how to fix it', (_name, [make, fix]) => {
    // WHEN
    const error = make();

    // THEN
    expect(error).toBeInstanceOf(Error);
    expect(error.message).toContain(fix);
    // what is wrong, then the fix: the fix is never the whole message
    expect(error.message.length).toBeGreaterThan(fix.length);
  });

  test('errors about a construct carry its path as data, and their message is written by formatProblem', () => {
    // WHEN
    const error = errors.duplicateStage('app/Dockerfile', 'a');

    // THEN
    expect(errors.isConstructError(error)).toBe(true);
    expect(error.constructPath).toBe('app/Dockerfile');
    expect(error.problem).toBe('a stage named "a" already exists: stage names must be unique');
    expect(error.message).toBe(errors.formatProblem('app/Dockerfile', error.problem));
    expect(error.message).toBe('[app/Dockerfile] a stage named "a" already exists: stage names must be unique');
  });

  test('formatProblem is the one prefix: [construct path] message', () => {
    expect(errors.formatProblem('P/Lucid/api', 'port 0 is out of range')).toBe('[P/Lucid/api] port 0 is out of range');
  });

  test('problemOf keeps the path an error names, and prefixes any other error with the construct at hand', () => {
    expect(errors.problemOf('P/Lucid/file', errors.noSuchStage('P/Lucid/api/Dockerfile', 'x', [])))
      .toBe('[P/Lucid/api/Dockerfile] has no stage "x": its stages are none');
    expect(errors.problemOf('P/Lucid/file', new Error('disk full'))).toBe('[P/Lucid/file] disk full');
    expect(errors.problemOf('P/Lucid/file', 'a string')).toBe('[P/Lucid/file] a string');
  });

  test('problemList counts the problems and lists one a line', () => {
    expect(errors.problemList('invalid bake file', ['a'])).toBe('invalid bake file (1 problem):\n  - a');
    expect(errors.problemList('invalid bake file', ['a', 'b'])).toBe('invalid bake file (2 problems):\n  - a\n  - b');
  });

  test('a SynthesisError lists its problems and is recognized by name, as another copy of the library throws it', () => {
    // WHEN
    const error = new errors.SynthesisError(['[P/Lucid/a] x', '[P/Lucid/b] y']);

    // THEN
    expect(error.message).toBe('lucid-cdk wrote nothing (2 problems):\n  - [P/Lucid/a] x\n  - [P/Lucid/b] y');
    expect(errors.isSynthesisError(error)).toBe(true);
    expect(errors.isSynthesisError(Object.assign(new Error('m'), { name: 'SynthesisError', problems: [] }))).toBe(true);
    expect(errors.isSynthesisError(new Error('m'))).toBe(false);
  });
});

describe('the port fact', () => {
  test.each([1, 80, 65535])('%d is a port', n => expect(isPort(n)).toBe(true));
  test.each([0, 65536, 80.5, -1, NaN, '80'])('%p is not a port', n => expect(isPort(n)).toBe(false));
  test.each([['8080', 8080], ['65535', 65535], ['65536', undefined], ['0', undefined], ['080', undefined], ['8080 ', undefined]])(
    'parsePort(%p) is %p', (text, port) => expect(parsePort(text as string)).toBe(port));
  test('one wording for a bad port', () => {
    expect(portProblem('health check port', 0)).toBe('health check port 0 is out of range: use a whole number from 1 to 65535');
  });
});

describe('brands recognize the constructs of another copy of the library', () => {
  test('BakeFile.isBakeFile and isGeneratedFile', () => {
    // GIVEN: a second copy of the modules, as when two versions of lucid-cdk are installed
    let other: { BakeFile: typeof BakeFile; isGeneratedFile: typeof isGeneratedFile } | undefined;
    jest.isolateModules(() => {
      other = {
        BakeFile: jest.requireActual<{ BakeFile: typeof BakeFile }>('../../src/bake/bake-file').BakeFile,
        isGeneratedFile: jest.requireActual<{ isGeneratedFile: typeof isGeneratedFile }>('../../src/core/generated-file').isGeneratedFile,
      };
    });
    const app = Testing.app();
    const bake = app.node.children.find(BakeFile.isBakeFile)!;
    const file = bake.node.children.find(isGeneratedFile)!;

    // THEN
    expect(bake instanceof other!.BakeFile).toBe(false);
    expect(other!.BakeFile.isBakeFile(bake)).toBe(true);
    expect(other!.isGeneratedFile(file)).toBe(true);
    expect(other!.BakeFile.isBakeFile(file)).toBe(false);
    expect(other!.isGeneratedFile(bake)).toBe(false);
  });
});

describe('the sources keep one place for each of these facts', () => {
  test('no file but core/errors.ts writes the [construct path] prefix', () => {
    // `[${x.path}]`, `[${this.node.path}]` in a template, or '[' + x.path + ']'
    const template = /`\[\$\{[^`}]*path[^`}]*\}\]/i;
    const concatenated = /['"]\[['"]\s*\+\s*[\w.?()]*path/i;
    expect(offenders(template, ['core/errors.ts'])).toEqual([]);
    expect(offenders(concatenated, ['core/errors.ts'])).toEqual([]);
  });

  test('no file but core/errors.ts counts "N problem(s)"', () => {
    expect(offenders(/problem\$\{|\$\{[^}]*length\}\s*problem/, ['core/errors.ts'])).toEqual([]);
  });

  test('no file but core/errors.ts throws an Error it builds in place', () => {
    expect(offenders(/throw\s+new\s+Error\b/, ['core/errors.ts'])).toEqual([]);
  });

  test('no file but core/port.ts writes the port range', () => {
    expect(offenders(/65535|65536/, ['core/port.ts'])).toEqual([]);
  });

  test('no library file uses instanceof on a lucid-cdk class', () => {
    // GIVEN: every class that src/ declares
    const classes = new Set(sources().flatMap(s => [...s.text.matchAll(/\bclass\s+([A-Z]\w*)/g)].map(m => m[1])));

    // WHEN
    const uses = offenders(/\binstanceof\s+([A-Z]\w*)/, []).filter(line => {
      const m = /\binstanceof\s+([A-Z]\w*)/.exec(line.slice(line.indexOf(': ') + 2));
      return m !== null && classes.has(m[1]);
    });

    // THEN
    expect(classes.has('GeneratedFile')).toBe(true);
    expect(classes.has('BakeFile')).toBe(true);
    expect(uses).toEqual([]);
  });
});
