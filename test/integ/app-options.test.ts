import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Layer, LucidApp, LucidService, Plane, SecretSource, ServiceRuntime, Testing } from '../../src';
import { docker } from '../util/docker';

/** Synthesizes `app` into a temporary folder and returns the folder. */
function synthToDir(app: LucidApp): { dir: string; files: { [p: string]: string } } {
  const files = Testing.synth(app);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lucid-options-'));
  for (const [rel, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), content);
  }
  return { dir, files };
}

describe('build secrets', () => {
  // GIVEN a service whose dependencies come from a private index
  const app = Testing.app();
  new LucidService(app, 'api', {
    plane: Plane.OPS,
    layer: Layer.CORE_SUPPORT,
    description: 'api',
    directory: 'apps/api',
    port: 8080,
    runtime: ServiceRuntime.python({ requirements: 'requirements.txt' }),
    buildSecrets: [
      { id: 'pip-conf', source: SecretSource.FILE, location: 'secrets/pip.conf', target: '/etc/pip.conf' },
      { id: 'index-token', source: SecretSource.ENVIRONMENT, location: 'PIP_INDEX_TOKEN', target: '/run/secrets/index-token' },
    ],
  });
  const { dir, files } = synthToDir(app);

  test('are mounted only into the dependency step, never written into a layer', () => {
    const dockerfile = files['apps/api/Dockerfile'];
    const pip = dockerfile.split('\n').find(l => l.includes('pip install'))!;
    expect(pip).toContain('--mount=type=secret,target=/etc/pip.conf,id=pip-conf,required=false');
    expect(pip).toContain('--mount=type=secret,target=/run/secrets/index-token,id=index-token,required=false');
    expect(dockerfile).not.toMatch(/PIP_INDEX_TOKEN|secrets\/pip\.conf/);
  });

  test('reach bake as `secret` entries that buildx resolves', () => {
    // buildx checks that a file secret exists
    fs.mkdirSync(path.join(dir, 'secrets'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'secrets', 'pip.conf'), '[global]\n');
    const printed = JSON.parse(docker(['buildx', 'bake', '-f', 'docker-bake.hcl', '--print', 'api'], dir).stdout);
    expect(printed.target.api.secret).toEqual([
      expect.objectContaining({ id: 'pip-conf', src: expect.stringMatching(/secrets\/pip\.conf$/) }),
      expect.objectContaining({ id: 'index-token', env: 'PIP_INDEX_TOKEN' }),
    ]);
  });

  test('reach compose as build secrets declared at the top level', () => {
    const config = JSON.parse(docker(['compose', '--profile', '*', 'config', '--format', 'json', '--no-interpolate'], dir).stdout);
    expect(config.services.api.build.secrets.map((s: any) => s.source).sort()).toEqual(['index-token', 'pip-conf']);
    expect(config.secrets['index-token']).toMatchObject({ environment: 'PIP_INDEX_TOKEN' });
  });
});

describe('per-architecture tags', () => {
  test('add one target per image and platform, tagged <tag>-<arch>, in the per-arch group', () => {
    // GIVEN
    const app = Testing.app({ bake: { perArchitectureTags: true }, platforms: ['linux/amd64', 'linux/arm64'] });
    new LucidService(app, 'api', {
      plane: Plane.OPS, layer: Layer.CORE_SUPPORT, description: 'api', directory: 'apps/api', port: 8080, runtime: ServiceRuntime.python(),
    });
    const { dir } = synthToDir(app);

    // WHEN
    const printed = JSON.parse(docker(['buildx', 'bake', '-f', 'docker-bake.hcl', '--print', 'per-arch'], dir).stdout);

    // THEN
    expect(printed.target['api-arm64'].tags).toEqual(['pickme/lucid-api:latest-arm64']);
    expect(printed.target['api-arm64'].platforms).toEqual(['linux/arm64']);
    expect(printed.target['api-amd64'].tags).toEqual(['pickme/lucid-api:latest-amd64']);
    expect(printed.target['api-amd64'].context).toBe('apps/api');
  });
});

describe('strings that need escaping', () => {
  test('come back from bake, compose and the Dockerfile exactly as given', () => {
    // GIVEN a description and env value with quotes, $, ${ and %{, backslashes and unicode
    const tricky = 'Lucid "API" costs $5 ${HOME} %{x} \\ ünïcødé';
    const app = Testing.app();
    new LucidService(app, 'api', {
      plane: Plane.OPS,
      layer: Layer.CORE_SUPPORT,
      description: tricky,
      directory: 'apps/api',
      port: 8080,
      runtime: ServiceRuntime.python(),
      env: { GREETING: tricky },
    });
    const { dir, files } = synthToDir(app);

    // WHEN
    const bake = JSON.parse(docker(['buildx', 'bake', '-f', 'docker-bake.hcl', '--print', 'api'], dir).stdout);
    const compose = JSON.parse(docker(['compose', '--profile', '*', 'config', '--format', 'json'], dir).stdout);

    // THEN (bake --print re-escapes template sequences in label values: undo exactly that)
    const unescapeHcl = (s: string) => s.replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{');
    expect(unescapeHcl(bake.target.api.labels.description)).toBe(tricky);
    expect(bake.target.api.description).toBe(tricky);
    // (compose config writes a literal $ back as $$ in its own output)
    expect(compose.services.api.environment.GREETING.replace(/\$\$/g, '$')).toBe(tricky);
    expect(files['apps/api/Dockerfile']).toContain('ENV GREETING="Lucid \\"API\\" costs \\$5 \\${HOME} %{x} \\\\ ünïcødé"');
  });
});
