import * as fs from 'fs';
import * as path from 'path';
import {
  checkContext, checkContextsHcl, experimentalCheckArg, formatFindings, fromImages, parseBakeCheck, parseBuildCheck, PrintedTarget, skippedRules,
} from '../../src/e2e/build-check';

// Captured from `docker buildx bake --call check,format=json` (buildx 0.29.1) on the e2e suite's build-check engine
// (Debian forky's docker.io 28.5.2): the fixture scripts/e2e/fixtures/build-check (noncompliant, by default and with
// BUILDKIT_DOCKERFILE_CHECK=experimental=CopyIgnoredFile; suppressed), a
// target of the reference stack, and the check of a target whose base is a `target:` context (which `--call check`
// cannot resolve); and `docker buildx build --call check,format=json` of a four-line Dockerfile on `scratch`.
const FIXTURES = path.join(__dirname, 'fixtures', 'build-check');
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name), 'utf-8');

describe('the output of docker buildx bake --call check,format=json', () => {
  test('a non-compliant Dockerfile: each finding with its rule, detail, line and url', () => {
    // GIVEN the check of the fixture that breaks three rules BuildKit checks by default
    // WHEN it is parsed
    const [result] = parseBakeCheck(fixture('bake-noncompliant.json'));
    // THEN it holds the three findings, by BuildKit's own rule names, in file order
    expect(result.target).toBe('noncompliant');
    expect(result.error).toBeUndefined();
    expect(result.skipped).toEqual([]);
    expect(result.findings.map(f => [f.rule, f.line])).toEqual([
      ['FromAsCasing', 1],
      ['SecretsUsedInArgOrEnv', 2],
      ['JSONArgsRecommended', 5],
    ]);
    expect(result.findings[1]).toEqual({
      rule: 'SecretsUsedInArgOrEnv',
      description: 'Sensitive data should not be used in the ARG or ENV commands',
      detail: 'Do not use ARG or ENV instructions for sensitive data (ENV "API_PASSWORD")',
      url: 'https://docs.docker.com/go/dockerfile/rule/secrets-used-in-arg-or-env/',
      file: 'Dockerfile',
      line: 2,
    });
    // AND each prints as one line
    expect(formatFindings([result])[2]).toBe('noncompliant: Dockerfile:5 JSONArgsRecommended: JSON arguments recommended for CMD to prevent ' +
      'unintended behavior related to OS signals (https://docs.docker.com/go/dockerfile/rule/json-args-recommended/)');
  });

  test('with the experimental CopyIgnoredFile on, the COPY of a file .dockerignore excludes is found too', () => {
    const [result] = parseBakeCheck(fixture('bake-noncompliant-experimental.json'));
    expect(result.findings.map(f => `${f.rule}@${f.line}`)).toEqual(['FromAsCasing@1', 'SecretsUsedInArgOrEnv@2', 'CopyIgnoredFile@4', 'JSONArgsRecommended@5']);
    expect(result.findings[2].detail).toBe('Attempting to Copy file "secret.env" that is excluded by .dockerignore');
  });

  test('the same file with the rules skipped by # check=skip: no findings, the skipped rules read from the file', () => {
    const [result] = parseBakeCheck(fixture('bake-suppressed.json'));
    expect(result.target).toBe('suppressed');
    expect(result.findings).toEqual([]);
    expect(result.error).toBeUndefined();
    expect(result.skipped).toEqual(['FromAsCasing', 'SecretsUsedInArgOrEnv', 'JSONArgsRecommended', 'CopyIgnoredFile']);
    expect(formatFindings([result])).toEqual([]);
  });

  test('a target of the reference stack: compliant, nothing skipped', () => {
    const results = parseBakeCheck(fixture('bake-stack-service-mesh-controller.json'));
    expect(results.map(r => [r.target, r.findings.length, r.skipped, r.error])).toEqual([['service-mesh-controller', 0, [], undefined]]);
  });

  test('a check that could not run is an error, not a pass; targets come sorted', () => {
    // GIVEN two targets, one of them based on a `target:` context, which --call check cannot link
    const results = parseBakeCheck(fixture('bake-target-context-unsupported.json'));
    // THEN the other one passes and this one reports BuildKit's error
    expect(results.map(r => r.target)).toEqual(['python-base', 'service-mesh-controller']);
    expect(results[0].error).toBeUndefined();
    expect(results[1].error).toBe('unsupported context source target for pickme/lucid-base:python-distroless');
    expect(formatFindings(results)).toEqual(['service-mesh-controller: the check did not run: unsupported context source target for pickme/lucid-base:python-distroless']);
  });

  test('the output of a single build --call check,format=json', () => {
    const result = parseBuildCheck('scratch', fixture('build-scratch.json'));
    expect(result.findings.map(f => `${f.rule}@${f.line}`)).toEqual(['FromAsCasing@1', 'SecretsUsedInArgOrEnv@2', 'JSONArgsRecommended@4']);
  });

  test('anything else is refused with what was wrong', () => {
    expect(() => parseBakeCheck('ERROR: failed to dial')).toThrow(/not bake's JSON \(Unexpected token/);
    expect(() => parseBakeCheck('{"group": {}}')).toThrow(/it has no "target" object/);
  });
});

describe('the # check=skip parser directive', () => {
  test('is read from the directives at the top only', () => {
    expect(skippedRules('# check=skip=A,B\nFROM x AS y\n')).toEqual(['A', 'B']);
    expect(skippedRules('# syntax=docker/dockerfile:1\n# check=error=true;skip=UndefinedVar\nFROM x AS y\n')).toEqual(['UndefinedVar']);
    expect(skippedRules('# check = skip = all\n')).toEqual(['all']);
    // a comment or blank line ends the directives: a later check= line is a comment
    expect(skippedRules('# generated\n# check=skip=A\nFROM x AS y\n')).toEqual([]);
    expect(skippedRules('\n# check=skip=A\n')).toEqual([]);
    expect(skippedRules('# check=error=true\n')).toEqual([]);
  });
});

describe('the second check, with experimental rules on', () => {
  test('turns on CopyIgnoredFile and passes the file\'s own skips on (the build argument replaces its directive)', () => {
    expect(experimentalCheckArg([])).toBe('experimental=CopyIgnoredFile');
    expect(experimentalCheckArg(['FromAsCasing', 'UndefinedVar'])).toBe('experimental=CopyIgnoredFile;skip=FromAsCasing,UndefinedVar');
  });

  test('turns on no rule the file skips (a rule turned on by name is checked even when skipped), nor any when it skips all', () => {
    expect(experimentalCheckArg(['CopyIgnoredFile', 'FromAsCasing'])).toBeUndefined();
    expect(experimentalCheckArg(['all'])).toBeUndefined();
    expect(experimentalCheckArg(['FromAsCasing'], ['CopyIgnoredFile', 'InvalidDefinitionDescription'])).toBe('experimental=CopyIgnoredFile,InvalidDefinitionDescription;skip=FromAsCasing');
  });
});

describe('the bases a check names as contexts', () => {
  const dockerfile = [
    '# ~~ Generated by projen.',
    'FROM --platform=$BUILDPLATFORM golang:1.24-trixie@sha256:' + 'a'.repeat(64) + ' AS builder',
    'FROM builder AS test',
    'FROM scratch AS empty',
    'FROM gcr.io/distroless/static-debian13:nonroot AS runtime',
    'FROM ${BASE} AS other',
  ].join('\n');

  test('every registry image of the FROM lines, as written, and no stage, scratch or variable', () => {
    expect(fromImages(dockerfile)).toEqual(['golang:1.24-trixie@sha256:' + 'a'.repeat(64), 'gcr.io/distroless/static-debian13:nonroot']);
    expect(fromImages('from Debian:13 as Builder\nFROM builder AS x\n')).toEqual(['Debian:13']);
  });

  test('stand-ins by name and tag; a target: context by the image that target built; other contexts kept', () => {
    // GIVEN a service on a base the bake file gives as a target: context
    const printed: Record<string, PrintedTarget> = {
      'python-base': { context: 'images/python-base', tags: ['pickme/lucid-base:python-distroless'] },
      'svc': { context: 'apps/svc', contexts: { 'pickme/lucid-base:python-distroless': 'target:python-base', 'gcr.io/distroless/static-debian13:nonroot': 'docker-image://elsewhere/static' } },
    };
    const file = 'FROM debian:13-slim@sha256:' + 'b'.repeat(64) + ' AS builder\nFROM pickme/lucid-base:python-distroless AS runtime\nFROM gcr.io/distroless/static-debian13:nonroot AS x\n';
    // WHEN its check contexts are made
    const c = checkContext('127.0.0.1:5000', 'svc', printed, file);
    // THEN the stand-in is named without its digest, the base by the copy of the image python-base built
    expect(c.contexts).toEqual({
      ['debian:13-slim@sha256:' + 'b'.repeat(64)]: 'docker-image://127.0.0.1:5000/lucid-standin/debian:13-slim',
      'pickme/lucid-base:python-distroless': 'docker-image://127.0.0.1:5000/lucid-check/pickme/lucid-base:python-distroless',
    });
    expect(c.copies).toEqual({
      'debian:13-slim': '127.0.0.1:5000/lucid-standin/debian:13-slim',
      'pickme/lucid-base:python-distroless': '127.0.0.1:5000/lucid-check/pickme/lucid-base:python-distroless',
    });
    // AND the bake file of the check names them per target
    expect(checkContextsHcl({ svc: c.contexts })).toBe([
      'target "svc" {',
      '  contexts = {',
      `    "debian:13-slim@sha256:${'b'.repeat(64)}" = "docker-image://127.0.0.1:5000/lucid-standin/debian:13-slim"`,
      '    "pickme/lucid-base:python-distroless" = "docker-image://127.0.0.1:5000/lucid-check/pickme/lucid-base:python-distroless"',
      '  }',
      '}',
      '',
    ].join('\n'));
  });
});
