import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parse } from 'yaml';
import { schemaProblems } from './util';
import { LucidApp, Testing } from '../../src';
import { renderComposeObject } from '../../src/compose/render';
import { GeneratedObjectFile } from '../../src/core/generated-file';
import { lucidService } from '../compliance/fixtures/builders';
import { docker } from '../util/docker';

// Overrides of the compose files: applied to the file's object before it is validated, escaped and written.

jest.setTimeout(120_000);

/** An app with one service, `api`, whose synthesis the compliance rules do not hold up. */
function appWithService(): LucidApp {
  const app = Testing.app({ compliance: { packs: [] } });
  lucidService(app, 'api');
  return app;
}

/** `docker compose config` of the app's synthesized stack file. */
function composeConfig(files: { [path: string]: string }): any {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lucid-compose-overrides-'));
  try {
    fs.writeFileSync(path.join(dir, 'docker-compose.yml'), files['docker-compose.yml']);
    return JSON.parse(docker(['compose', '--profile', '*', 'config', '--format', 'json'], dir).stdout);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('compose file overrides', () => {
  test('an override reaches docker compose, escaped like every other value', () => {
    // GIVEN
    const app = appWithService();
    // WHEN
    app.compose.file.addOverride('services.api.mem_limit', '256m');
    app.compose.file.addOverride('services.api.environment.GREETING', 'costs $5');
    app.compose.file.addOverride('services.api.labels.org\\.lucid\\.team', 'yes');
    const files = Testing.synth(app);
    // THEN the text holds a literal `$` as `$$` and quotes what YAML 1.1 would read as a boolean
    expect(files['docker-compose.yml']).toContain('GREETING: costs $$5');
    expect(files['docker-compose.yml']).toContain('org.lucid.team: "yes"');
    expect(schemaProblems(files['docker-compose.yml'])).toEqual([]);
    const api = composeConfig(files).services.api;
    expect(api.mem_limit).toBe('268435456');
    expect(api.environment.GREETING).toBe('costs $$5');
    expect(api.labels['org.lucid.team']).toBe('yes');
  });

  test('a deletion override removes a key lucid-cdk writes', () => {
    // GIVEN
    const app = appWithService();
    // WHEN
    app.compose.file.addDeletionOverride('services.api.read_only');
    app.compose.file.addDeletionOverride('services.api.cap_drop.0');
    const files = Testing.synth(app);
    // THEN
    const api = composeConfig(files).services.api;
    expect(api.read_only).toBeUndefined();
    expect(api.cap_drop).toBeUndefined();
    expect(parse(files['docker-compose.yml']).services.api.cap_drop).toEqual([]);
    expect(api.user).toBe('65532:65532');
  });

  test('an override the compose schema rejects stops synthesis with the file\'s construct path, and nothing is written', () => {
    // GIVEN a user given as a number, which the compose-spec schema rejects (it must be a string)
    const app = appWithService();
    app.compose.file.addOverride('services.api.user', 65532);
    app.compose.file.addOverride('services.api.healthcheck.interval', 'often');
    const file = path.join(app.project.outdir, 'docker-compose.yml');
    // WHEN
    const problems = Testing.problems(app);
    // THEN
    expect(problems).toEqual([
      `[${app.compose.file.node.path}] services.api.user: 65532 is not a string`,
      `[${app.compose.file.node.path}] services.api.healthcheck.interval: "often" is not a duration (e.g. 30s, 1m30s, 500ms)`,
    ]);
    expect(fs.existsSync(file)).toBe(false);
    // and the official schema rejects the file the overrides would make
    const overridden = renderComposeObject((app.compose.file as GeneratedObjectFile).resolveObject());
    expect(schemaProblems(overridden)).toEqual(expect.arrayContaining(['/services/api/user must be string']));
  });

  test('an overridden file is checked like a computed one: a dependency on a missing service is reported', () => {
    // GIVEN
    const app = appWithService();
    app.compose.file.addOverride('services.api.depends_on.ghost', { condition: 'service_healthy' });
    // WHEN
    const problems = app.validate();
    // THEN
    expect(problems).toEqual([`[${app.compose.file.node.path}] services.api.depends_on.ghost: service "ghost" does not exist`]);
  });

  test('the base file takes overrides too', () => {
    // GIVEN
    const app = appWithService();
    // WHEN
    app.compose.baseFile.addOverride('x-lucid', { note: 'base images' });
    // THEN
    expect(parse(Testing.synth(app)['docker-compose.base.yml'])['x-lucid']).toEqual({ note: 'base images' });
  });
});
