import * as fs from 'fs';
import * as path from 'path';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { ComposeSchema } from '../../src/compose';
import { ComposeFileModel } from '../../src/compose/model';
import { renderCompose } from '../../src/compose/render';

/** The official compose-spec JSON schema (see fixtures/README.md for its source). */
export const COMPOSE_SPEC_SCHEMA = JSON.parse(fs.readFileSync(path.join(__dirname, 'fixtures', 'compose-spec.json'), 'utf-8'));

// The compose spec uses type unions and keywords without a "type" next to them, which ajv's strictTypes mode
// warns about (on the console, for every compile); the rest of strict mode stays on.
const ajv = new Ajv({ allErrors: true, strictTypes: false });

/** The problems the official compose-spec schema finds in a rendered compose file. */
export function schemaProblems(yamlText: string): string[] {
  return ComposeSchema.validate(ajv, COMPOSE_SPEC_SCHEMA, yamlText);
}

/**
 * Renders `model` and fails the test unless the official schema accepts the result: every compose file the
 * tests render goes through here.
 */
export function render(model: ComposeFileModel, header?: string[]): string {
  const text = renderCompose(model, header);
  const problems = schemaProblems(text);
  if (problems.length > 0) {
    throw new Error(`the compose-spec schema rejects the rendered file:\n${problems.join('\n')}\n---\n${text}`);
  }
  return text;
}

/** Undoes the compose escaping of every string value (`$$` → `$`), leaving keys alone. */
export function unescapeValues(value: unknown): unknown {
  if (typeof value === 'string') {
    return value.split('$$').join('$');
  }
  if (Array.isArray(value)) {
    return value.map(unescapeValues);
  }
  if (value !== null && typeof value === 'object') {
    const out: { [key: string]: unknown } = {};
    for (const [k, v] of Object.entries(value)) {
      Object.defineProperty(out, k, { value: unescapeValues(v), enumerable: true, writable: true, configurable: true });
    }
    return out;
  }
  return value;
}

/** Parses a rendered compose file as YAML 1.2 (the default) or 1.1 and undoes the compose escaping. */
export function readBack(yamlText: string, version: '1.1' | '1.2' = '1.2'): any {
  return unescapeValues(parse(yamlText, { version }));
}
