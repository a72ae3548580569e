import { ComposeObject, escapeComposeObject, toComposeObject } from './compose-object';
import { ComposeFileModel } from './model';
import { validateComposeModel } from './validate';
import { invalidComposeFile } from '../core/errors';
import { stringifyYaml } from '../core/yaml-scalars';

// Renders a compose model as YAML. Key order and sorting: see compose-object.ts; escaping for compose
// interpolation: see escape.ts. Quoting is left to the `yaml` library, with one addition: a string that a
// YAML 1.1 parser would read as something else (`yes`, `on`, `0777`, `1:30`, ...) is double-quoted too, so
// that the file means the same to every parser of compose files, old or new, and Go's yaml.v3 (core/yaml-scalars.ts).

const LINE_BREAK = /[\r\n\u0085\u2028\u2029]/;

/**
 * The compose file for `model`, preceded by `header` as `# line` comments. Validates the model first and
 * throws one Error listing every problem.
 */
export function renderCompose(model: ComposeFileModel, header: string[] = []): string {
  const problems = validateComposeModel(model);
  if (problems.length > 0) {
    throw invalidComposeFile(problems);
  }
  return renderComposeObject(toComposeObject(model, false), header);
}

/**
 * The compose file for a plain `object` with the specification's keys (a model's `toComposeObject`, possibly
 * overridden), which the caller has validated. Every string value is escaped for compose interpolation and quoted
 * where a YAML 1.1 or 1.2 parser would misread it, except the `image` of each service named in `images`, which is
 * replaced by the text given there, written as it is so that compose interpolates it. Throws when a header line holds a line break.
 */
export function renderComposeObject(object: ComposeObject, header: string[] = [], images: { [service: string]: string } = {}): string {
  const problems: string[] = [];
  for (const [i, line] of header.entries()) {
    if (LINE_BREAK.test(line)) {
      problems.push(`header[${i}]: contains a line break (give one comment line per entry)`);
    }
  }
  if (problems.length > 0) {
    throw invalidComposeFile(problems);
  }

  const escaped = escapeComposeObject(object);
  // The images given are written as they are, compose interpolating their variables (`${TAG:-latest}`).
  const services = escaped.services as { [name: string]: ComposeObject } | undefined;
  for (const [name, image] of Object.entries(images)) {
    if (services?.[name] !== undefined) {
      services[name] = { ...services[name], image };
    }
  }
  return stringifyYaml(escaped, header);
}
