import { parse } from 'yaml';
import { Testing } from '../../src';
import { lucidService } from '../compliance/fixtures/builders';

// Overrides of an image's structure test: applied to the config before it is checked and written.

describe('structure test overrides', () => {
  test('an added command test and a changed metadata value are read back by a YAML parser', () => {
    // GIVEN
    const app = Testing.app({ compliance: { packs: [] } });
    const api = lucidService(app, 'api');
    // WHEN
    api.structureTest.file.addOverride('commandTests.1', {
      name: 'imports the app',
      command: '/venv/bin/python3',
      args: ['-c', 'import app: "yes"'],
      expectedOutput: ['^$'],
    });
    api.structureTest.file.addOverride('metadataTest.workdir', '/srv');
    api.structureTest.file.addDeletionOverride('fileExistenceTests.0');
    const files = Testing.synth(app);
    // THEN
    const config = parse(files['apps/api/structure-test.yaml'], { version: '1.1' });
    expect(config.commandTests[1]).toEqual({
      name: 'imports the app', command: '/venv/bin/python3', args: ['-c', 'import app: "yes"'], expectedOutput: ['^$'],
    });
    expect(config.metadataTest.workdir).toBe('/srv');
    expect(config.fileExistenceTests.map((t: any) => t.path)).not.toContain('/bin/sh');
    expect(config.schemaVersion).toBe('2.0.0');
  });

  test('an override that breaks the config\'s shape is reported with the file\'s construct path', () => {
    // GIVEN
    const app = Testing.app({ compliance: { packs: [] } });
    const api = lucidService(app, 'api');
    api.structureTest.file.addOverride('commandTests', { name: 'not a list' });
    // WHEN
    const problems = app.validate();
    // THEN
    expect(problems).toEqual([`[${api.structureTest.file.node.path}] commandTests: is not a list of tests`]);
  });
});
