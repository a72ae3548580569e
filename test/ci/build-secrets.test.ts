import { allSteps, ciApp, parseWorkflow, workflowText } from './util';
import {
  BuildSecret, DistrolessPythonBase, ImagesWorkflowOptions, Layer, LucidApp, LucidService, Plane, SecretSource, ServiceRuntime, Testing,
} from '../../src';

// The build secrets of the images reach every bake step of the workflow from the repository's GitHub secrets:
// ENVIRONMENT secrets through the step's env, FILE secrets as files a step writes before the first bake.

const PIP_CONF: BuildSecret = { id: 'pip-conf', source: SecretSource.FILE, location: 'secrets/pip.conf', target: '/etc/pip.conf' };
const INDEX_TOKEN: BuildSecret = { id: 'index-token', source: SecretSource.ENVIRONMENT, location: 'PIP_INDEX_TOKEN', target: '/run/secrets/index-token' };
const NETRC: BuildSecret = { id: 'netrc', source: SecretSource.FILE, location: 'secrets/netrc', target: '/root/.netrc' };

const FILES = '${{ runner.temp }}/lucid-secrets';
const isBake = (step: any) => String(step.uses).startsWith('docker/bake-action@');

/**
 * python-base (FILE netrc) ← api (FILE pip-conf, ENVIRONMENT index-token), python-base ← auth (no secrets of its own),
 * and gateway on its own with none.
 */
function secretsApp(workflows: ImagesWorkflowOptions = {}, apiSecrets: BuildSecret[] = [PIP_CONF, INDEX_TOKEN]): LucidApp {
  const app = ciApp({ workflows });
  const base = new DistrolessPythonBase(app, 'python-base', { directory: 'images/python-base', requirements: 'requirements.txt', buildSecrets: [NETRC] });
  const service = (id: string, port: number, runtime: ServiceRuntime, buildSecrets?: BuildSecret[]) => new LucidService(app, id, {
    plane: Plane.OPS, layer: Layer.CORE_SUPPORT, description: id, directory: `apps/${id}`, port, runtime, buildSecrets,
  });
  service('api', 8080, ServiceRuntime.python({ baseImage: base }), apiSecrets);
  service('auth', 8081, ServiceRuntime.python({ baseImage: base }));
  service('gateway', 8082, ServiceRuntime.python({ requirements: 'requirements.txt' }));
  return app;
}

function workflowOf(app: LucidApp): any {
  return parseWorkflow(workflowText(Testing.synth(app)));
}

/** The problems synthesis reports for an app, with construct paths from the app on (the project's id varies). */
function problems(app: LucidApp): string[] {
  return Testing.problems(app).map(p => p.split(`${app.node.scope!.node.path}/`).join(''));
}

/** The env entries of a step that come from GitHub secrets. */
function secretEnv(step: any): { [name: string]: string } {
  return Object.fromEntries(Object.entries<string>(step.env ?? {}).filter(([, v]) => v.includes('secrets.')));
}

/** The `set` lines of a bake step that override a secret. */
function secretSets(step: any): string[] {
  return String(step.with.set ?? '').split('\n').filter(l => l.includes('.secrets'));
}

describe('build secrets in the images workflow', () => {
  // GIVEN an app whose images have FILE and ENVIRONMENT build secrets, one of them on a base image
  const workflow = workflowOf(secretsApp());
  const job = (id: string) => workflow.jobs[`build-${id}`];

  test('the workflow is accepted by GitHub\'s workflow parser and no run script holds an expression', () => {
    // THEN (parseWorkflow fails on any parser error)
    const runs = allSteps(workflow).filter(({ step }) => step.run !== undefined);
    expect(runs.length).toBeGreaterThan(0);
    for (const { job: id, step } of runs) {
      expect({ id, step: step.name, expression: step.run.includes('${{') }).toEqual({ id, step: step.name, expression: false });
    }
  });

  test('every bake step of an image gets its ENVIRONMENT secrets from the GitHub secret of the same name', () => {
    const bakes = job('api').steps.filter(isBake);
    expect(bakes.length).toBe(2);
    for (const step of bakes) {
      expect(secretEnv(step)).toEqual({ PIP_INDEX_TOKEN: '${{ secrets.PIP_INDEX_TOKEN }}' });
    }
    // and the env the steps had keeps its values
    expect(bakes[0].env.PLATFORMS).toBe('linux/amd64');
    expect(bakes[1].env.ATTEST).toBe('true');
  });

  test('every bake step points each FILE secret of the image and of its base image at the file written for it', () => {
    for (const step of job('api').steps.filter(isBake)) {
      expect(secretSets(step)).toEqual([
        `api.secrets+=id=pip-conf,src=${FILES}/pip-conf`,
        `python-base.secrets+=id=netrc,src=${FILES}/netrc`,
      ]);
      expect(step.with.allow).toBe(`fs.read=${FILES}`);
    }
  });

  test('one step before the first bake writes each file from its GitHub secret, through env, readable by the owner only', () => {
    const steps = job('api').steps;
    const write = steps.findIndex((s: any) => /^Write the build secret files/.test(s.name));
    expect(write).toBeGreaterThanOrEqual(0);
    expect(steps.filter((s: any) => /^Write the build secret files/.test(s.name)).length).toBe(1);
    expect(write).toBeLessThan(steps.findIndex(isBake));
    const step = steps[write];
    expect(step.env).toEqual({ SECRET_NETRC: '${{ secrets.NETRC }}', SECRET_PIP_CONF: '${{ secrets.PIP_CONF }}' });
    const lines = step.run.split('\n');
    expect(lines.indexOf('umask 077')).toBeLessThan(lines.indexOf('mkdir -p "$dir"'));
    expect(lines).toContain('dir="$RUNNER_TEMP"/lucid-secrets');
    expect(lines).toContain('printf \'%s\' "$SECRET_PIP_CONF" > "$dir"/pip-conf');
    expect(lines).toContain('printf \'%s\' "$SECRET_NETRC" > "$dir"/netrc');
  });

  test('the files are removed by the job\'s last step, whatever happened before', () => {
    const steps = job('api').steps;
    expect(steps[steps.length - 1]).toEqual({
      name: 'Remove the build secret files', if: 'always()', shell: 'bash', run: 'set -euo pipefail\nrm -rf "$RUNNER_TEMP"/lucid-secrets\n',
    });
  });

  test('an image built on a base image with a secret gets that secret only', () => {
    const steps = job('auth').steps;
    for (const step of steps.filter(isBake)) {
      expect(secretEnv(step)).toEqual({});
      expect(secretSets(step)).toEqual([`python-base.secrets+=id=netrc,src=${FILES}/netrc`]);
    }
    expect(steps.find((s: any) => /^Write the build secret files/.test(s.name)).env).toEqual({ SECRET_NETRC: '${{ secrets.NETRC }}' });
    expect(job('python-base').steps.filter(isBake).map(secretSets)).toEqual([
      [`python-base.secrets+=id=netrc,src=${FILES}/netrc`], [`python-base.secrets+=id=netrc,src=${FILES}/netrc`],
    ]);
  });

  test('an image with no build secrets anywhere in its chain gets no secret wiring at all', () => {
    const steps = job('gateway').steps;
    expect(steps.map((s: any) => s.name).filter((n: string) => /secret/i.test(n))).toEqual([]);
    for (const step of steps.filter(isBake)) {
      expect(step.with.allow).toBeUndefined();
      expect(secretSets(step)).toEqual([]);
      expect(secretEnv(step)).toEqual({});
    }
  });

  test('with native fan-out, both bake steps of each platform job get the secrets, after one write step', () => {
    // GIVEN
    const native = workflowOf(secretsApp({ nativeMultiArch: true }));
    // THEN
    const steps = native.jobs['build-api'].steps;
    const bakes = steps.filter(isBake);
    expect(bakes.length).toBe(2);
    for (const step of bakes) {
      expect(secretEnv(step)).toEqual({ PIP_INDEX_TOKEN: '${{ secrets.PIP_INDEX_TOKEN }}' });
      expect(secretSets(step)).toEqual([`api.secrets+=id=pip-conf,src=${FILES}/pip-conf`, `python-base.secrets+=id=netrc,src=${FILES}/netrc`]);
      expect(step.with.allow).toBe(`fs.read=${FILES}`);
    }
    // the push keeps its own overrides too
    expect(bakes[1].with.set).toContain('*.output=type=image,push-by-digest=true,name-canonical=true,push=true');
    expect(steps.findIndex((s: any) => /^Write the build secret files/.test(s.name))).toBeLessThan(steps.findIndex(isBake));
    expect(steps[steps.length - 1].name).toBe('Remove the build secret files');
    // the merge job bakes nothing and gets no secret
    expect(JSON.stringify(native.jobs['merge-api'])).not.toMatch(/SECRET_|PIP_INDEX_TOKEN|lucid-secrets/);
  });

  test('buildSecretNames reads a build secret from another GitHub secret', () => {
    // GIVEN
    const renamed = workflowOf(secretsApp({ buildSecretNames: { 'pip-conf': 'PRIVATE_PIP_CONF', 'index-token': 'INDEX_TOKEN' } }));
    // THEN the env var bake reads keeps its name, its value comes from the mapped secret
    const steps = renamed.jobs['build-api'].steps;
    for (const step of steps.filter(isBake)) {
      expect(secretEnv(step)).toEqual({ PIP_INDEX_TOKEN: '${{ secrets.INDEX_TOKEN }}' });
      expect(secretSets(step)).toContain(`api.secrets+=id=pip-conf,src=${FILES}/pip-conf`);
    }
    const write = steps.find((s: any) => /^Write the build secret files/.test(s.name));
    expect(write.env).toEqual({ SECRET_NETRC: '${{ secrets.NETRC }}', SECRET_PRIVATE_PIP_CONF: '${{ secrets.PRIVATE_PIP_CONF }}' });
    expect(write.run).toContain('printf \'%s\' "$SECRET_PRIVATE_PIP_CONF" > "$dir"/pip-conf');
  });
});

describe('the validation of build secret names', () => {
  test('rejects a name that is not a GitHub secret name, naming the workflow and the fix', () => {
    // GIVEN names GitHub would refuse
    const app = secretsApp({ buildSecretNames: { 'pip-conf': 'pip-conf', 'netrc': 'GITHUB_NETRC', 'index-token': '1TOKEN' } });
    // WHEN / THEN
    const rule = 'use letters, digits and "_", not starting with a digit or "GITHUB_"';
    expect(problems(app).sort()).toEqual([
      `[Lucid/Workflows] buildSecretNames["index-token"] "1TOKEN" is not a GitHub secret name: ${rule}`,
      `[Lucid/Workflows] buildSecretNames["netrc"] "GITHUB_NETRC" is not a GitHub secret name: ${rule}`,
      `[Lucid/Workflows] buildSecretNames["pip-conf"] "pip-conf" is not a GitHub secret name: ${rule}`,
    ]);
  });

  test('rejects an expression as a name', () => {
    const found = problems(secretsApp({ buildSecretNames: { 'pip-conf': '${{ github.token }}' } }));
    expect(found).toEqual([expect.stringContaining('buildSecretNames["pip-conf"] "${{ github.token }}" contains "${{"')]);
  });

  test('rejects a name for an id no image declares, listing the ids', () => {
    const found = problems(secretsApp({ buildSecretNames: { 'pip.conf': 'PIP_CONF' } }));
    expect(found).toEqual([
      '[Lucid/Workflows] buildSecretNames names "pip.conf", which is not the id of a build secret of the app\'s images: '
      + 'remove it, or use one of "index-token", "netrc", "pip-conf"',
    ]);
  });

  test('asks for a mapping when the default name of a secret is not a valid GitHub secret name', () => {
    // GIVEN an ENVIRONMENT secret read from GITHUB_PAT, which cannot be a repository secret's name
    const pat: BuildSecret = { id: 'pat', source: SecretSource.ENVIRONMENT, location: 'GITHUB_PAT', target: '/run/secrets/pat' };
    // THEN
    expect(problems(secretsApp({}, [pat]))).toEqual([
      '[Lucid/Workflows] build secret "pat" of Lucid/api would be read from the GitHub secret "GITHUB_PAT", which is not a valid '
      + 'secret name (use letters, digits and "_", not starting with a digit or "GITHUB_"): name the secret to read it from with '
      + 'buildSecretNames: { "pat": "<SECRET_NAME>" }',
    ]);
    // and the mapping is the fix
    const workflow = workflowOf(secretsApp({ buildSecretNames: { pat: 'PAT' } }, [pat]));
    expect(workflow.jobs['build-api'].steps.filter(isBake).map(secretEnv)).toEqual([
      { GITHUB_PAT: '${{ secrets.PAT }}' }, { GITHUB_PAT: '${{ secrets.PAT }}' },
    ]);
  });

  test('rejects an ENVIRONMENT secret read from a variable the workflow sets for bake', () => {
    const tag: BuildSecret = { id: 'tag', source: SecretSource.ENVIRONMENT, location: 'TAG', target: '/run/secrets/tag' };
    expect(problems(secretsApp({}, [tag]))).toEqual([
      '[Lucid/Workflows] build secret "tag" of Lucid/api reads the environment variable TAG, which the workflow sets for bake '
      + 'itself: read it from another variable ("location")',
    ]);
  });

  test('rejects one variable set from two GitHub secrets in one build', () => {
    // GIVEN the base and the service read PIP_INDEX_TOKEN under two ids, mapped to two secrets
    const app = ciApp({ workflows: { buildSecretNames: { 'base-token': 'BASE_TOKEN' } } });
    const base = new DistrolessPythonBase(app, 'python-base', {
      directory: 'images/python-base',
      requirements: 'requirements.txt',
      buildSecrets: [{ ...INDEX_TOKEN, id: 'base-token' }],
    });
    new LucidService(app, 'api', {
      plane: Plane.OPS,
      layer: Layer.CORE_SUPPORT,
      description: 'api',
      directory: 'apps/api',
      port: 8080,
      runtime: ServiceRuntime.python({ baseImage: base }),
      buildSecrets: [INDEX_TOKEN],
    });
    // THEN
    expect(problems(app)).toEqual([
      '[Lucid/Workflows] the build of api would set the environment variable PIP_INDEX_TOKEN from two GitHub secrets, PIP_INDEX_TOKEN '
      + '(build secret "index-token" of Lucid/api) and BASE_TOKEN (build secret "base-token" of Lucid/python-base): map both ids '
      + 'to one secret in buildSecretNames, or read them from different variables',
    ]);
  });
});
