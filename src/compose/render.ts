import { Document, isScalar, parse, visit } from 'yaml';
import { ComposeObject, escapeComposeObject, toComposeObject } from './compose-object';
import { ComposeFileModel } from './model';
import { validateComposeModel } from './validate';
import { invalidComposeFile } from '../core/errors';

// Renders a compose model as YAML. Key order and sorting: see compose-object.ts; escaping for compose
// interpolation: see escape.ts. Quoting is left to the `yaml` library, with one addition: a string that a
// YAML 1.1 parser would read as something else (`yes`, `on`, `0777`, `1:30`, ...) is double-quoted too, so
// that the file means the same to every parser of compose files, old or new. So is a string holding a control
// character (a tab) or the YAML 1.1 `=` and `<<` tags (see readsBackAsItself).

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
  const doc = new Document(escaped, { aliasDuplicateObjects: false });
  // Compose files repeat the same strings for every service (user, capabilities, tmpfs, ...): each distinct
  // string is parsed once.
  const plain = new Map<string, boolean>();
  const readsBack = (value: string) => {
    if (!plain.has(value)) {
      plain.set(value, readsBackAsItself(value));
    }
    return plain.get(value)!;
  };
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value === 'string' && isScalar(node) && !readsBack(node.value)) {
        node.type = 'QUOTE_DOUBLE';
      }
    },
  });
  if (header.length > 0) {
    doc.commentBefore = header.map(line => line === '' ? '' : ` ${line}`).join('\n');
  }
  return doc.toString({ lineWidth: 0 });
}

/**
 * Whether `value`, written as a plain scalar, reads back as the same string under YAML 1.1 and 1.2. Control
 * characters (a tab) and the YAML 1.1 `=` (value) and `<<` (merge) tags are always quoted too.
 */
function readsBackAsItself(value: string): boolean {
  if (/[\x00-\x1f]/.test(value) || value === '=' || value === '<<') {
    return false;
  }
  for (const version of ['1.1', '1.2'] as const) {
    try {
      if (parse(value, { version, logLevel: 'silent' }) !== value) {
        return false;
      }
    } catch {
      return false;
    }
  }
  return true;
}
