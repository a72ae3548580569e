import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { baseImages, lucidStack } from './models';
import { COMPOSE_SPEC_SCHEMA, render, schemaProblems } from './util';
import { ComposeSchema } from '../../src/compose';

/** ajv 8 with ajv-formats added. */
function ajvWithFormats(): any {
  const instance = new Ajv({ allErrors: true, strict: false });
  addFormats(instance);
  return instance;
}

describe('ComposeSchema', () => {
  test('the fixture is the current draft-07 compose-spec schema', () => {
    expect(COMPOSE_SPEC_SCHEMA.$schema).toMatch(/draft-07/);
    expect(COMPOSE_SPEC_SCHEMA.definitions.healthcheck.properties).toHaveProperty('start_interval');
  });

  test('the official schema accepts the rendered stack and base image files', () => {
    expect(schemaProblems(render(lucidStack(), ['header']))).toEqual([]);
    expect(schemaProblems(render(baseImages()))).toEqual([]);
  });

  test('reports the problems of an invalid file with their JSON path', () => {
    // GIVEN
    const text = 'services:\n  app:\n    imag: x\n    healthcheck:\n      start_interval: 5\n';
    // WHEN
    const problems = schemaProblems(text);
    // THEN
    expect(problems).toContain('/services/app must NOT have additional properties (imag)');
    expect(problems).toContain('/services/app/healthcheck/start_interval must be string');
  });

  test('works with ajv-formats too, with the same verdicts', () => {
    // GIVEN
    const ajv = ajvWithFormats();
    // WHEN / THEN
    expect(ComposeSchema.validate(ajv, COMPOSE_SPEC_SCHEMA, render(lucidStack()))).toEqual([]);
    expect(ComposeSchema.validate(ajv, COMPOSE_SPEC_SCHEMA, 'services:\n  app:\n    imag: x\n'))
      .toEqual(['/services/app must NOT have additional properties (imag)']);
  });

  test('can validate many files with one ajv instance', () => {
    const ajv = ajvWithFormats();
    expect(ComposeSchema.validate(ajv, COMPOSE_SPEC_SCHEMA, render(baseImages()))).toEqual([]);
    expect(ComposeSchema.validate(ajv, COMPOSE_SPEC_SCHEMA, 'services: []\n')).toEqual(['/services must be object']);
    expect(ComposeSchema.validate(ajv, COMPOSE_SPEC_SCHEMA, render(lucidStack()))).toEqual([]);
  });
});
