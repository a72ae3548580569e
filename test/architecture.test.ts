import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';
import { cyclesOf, formatCycle } from '../src/core/graph';

// The rooms of docs/ARCHITECTURE.md and their floors: a file may import its own room and the rooms of lower
// floors. Keep this table and the document's in step.
const FLOORS: { readonly [room: string]: number } = {
  'index.ts': 9,
  'projen': 8,
  'e2e': 8,
  'testing.ts': 8,
  'app': 7,
  'bake': 6,
  'compose': 6,
  'ci': 6,
  'compliance': 6,
  'overview': 6,
  'service': 5,
  'images': 4,
  'recipes': 3,
  'structure-test': 2,
  'dockerfile': 1,
  'core': 0,
  'runtimes': 0,
};

// Rooms of one floor that import another of that floor: `[importer, imported]`.
const SAME_FLOOR: ReadonlyArray<readonly [string, string]> = [
  ['ci', 'bake'], // the workflow reads the bake file's path
  ['overview', 'compose'], // the runtime graph draws the compose networks
  ['projen', 'e2e'], // the project type adds the e2e task
  ['runtimes', 'core'], // the runtime catalogue throws the errors of core/errors.ts
];

// Two public classes that name each other in their signatures cannot live in two files without importing each
// other: jsii documents the classes themselves, so neither side can be an interface. These type-only imports
// are the way back of such pairs (the other way is an ordinary import); nothing else may close a circle.
const PUBLIC_TYPE_LOOPS: ReadonlyArray<readonly [string, string]> = [
  ['dockerfile/base-image.ts', 'dockerfile/stage.ts'], // BaseImage.fromStage(stage: Stage), StageProps.baseImage
  ['dockerfile/copy-options.ts', 'dockerfile/stage.ts'], // CopyOptions.fromStage, Stage.addCopy(..., options)
  ['dockerfile/run-options.ts', 'dockerfile/stage.ts'], // RunMount.fromStage, Stage.addRun(..., options)
  ['dockerfile/instruction.ts', 'dockerfile/stage.ts'], // CopyInstruction.fromStage, Stage.instructions
  ['dockerfile/stage.ts', 'dockerfile/dockerfile.ts'], // Stage.dockerfile, Dockerfile.addStage(): Stage
  ['structure-test/structure-test.ts', 'images/lucid-image.ts'], // new StructureTest(image), LucidImage.structureTest
];

const isTypeLoop = (i: Import) => PUBLIC_TYPE_LOOPS.some(([from, to]) => i.from === from && i.to === to);

const SRC = path.join(__dirname, '..', 'src');

interface Import {
  /** The importing file, relative to src/. */
  readonly from: string;
  /** The imported file, relative to src/. */
  readonly to: string;
  /** Whether only types are imported (`import type`, `export type`). */
  readonly typeOnly: boolean;
}

/** Every `.ts` file under `dir`, relative to src/. */
function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(e => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) {
      return sourceFiles(full);
    }
    return e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [path.relative(SRC, full).split(path.sep).join('/')] : [];
  });
}

/** The file a relative specifier names: `x.ts`, or a folder's `index.ts`. */
function resolve(from: string, specifier: string): string {
  const base = path.posix.join(path.posix.dirname(from), specifier);
  for (const candidate of [`${base}.ts`, `${base}/index.ts`]) {
    if (fs.existsSync(path.join(SRC, candidate))) {
      return candidate;
    }
  }
  throw new Error(`${from}: cannot resolve "${specifier}"`);
}

/** The relative imports and re-exports of a file, type-only ones included. */
function importsOf(file: string): Import[] {
  const text = fs.readFileSync(path.join(SRC, file), 'utf-8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const out: Import[] = [];
  for (const statement of source.statements) {
    let specifier: ts.Expression | undefined;
    let typeOnly = false;
    if (ts.isImportDeclaration(statement)) {
      specifier = statement.moduleSpecifier;
      const clause = statement.importClause;
      const named = clause?.namedBindings;
      typeOnly = clause !== undefined && (clause.isTypeOnly || (clause.name === undefined && named !== undefined &&
        ts.isNamedImports(named) && named.elements.length > 0 && named.elements.every(e => e.isTypeOnly)));
    } else if (ts.isExportDeclaration(statement)) {
      specifier = statement.moduleSpecifier;
      typeOnly = statement.isTypeOnly;
    }
    if (specifier && ts.isStringLiteral(specifier) && specifier.text.startsWith('.')) {
      out.push({ from: file, to: resolve(file, specifier.text), typeOnly });
    }
  }
  return out;
}

/** The room of a file: its top folder under src/, or the file itself at the top. */
function roomOf(file: string): string {
  return file.split('/')[0];
}

const files = sourceFiles(SRC).sort();
const imports = files.flatMap(importsOf);

describe('the rooms of src/', () => {
  test('every room has a floor', () => {
    expect(files.map(roomOf).filter(r => FLOORS[r] === undefined)).toEqual([]);
  });

  test('no file imports itself back through others, not even for types', () => {
    // GIVEN
    const edges = new Map<string, string[]>();
    for (const i of imports.filter(x => !isTypeLoop(x))) {
      edges.set(i.from, [...(edges.get(i.from) ?? []), i.to]);
    }
    // WHEN
    const cycles = cyclesOf(files, f => edges.get(f) ?? []).map(formatCycle);
    // THEN
    expect(cycles).toEqual([]);
  });

  test('a room imports only its own room and the rooms of lower floors', () => {
    const allowed = (from: string, to: string) => from === to || FLOORS[to] < FLOORS[from] ||
      SAME_FLOOR.some(([a, b]) => a === from && b === to);
    const upward = imports
      .filter(i => !isTypeLoop(i) && !allowed(roomOf(i.from), roomOf(i.to)))
      .map(i => `${i.from} (floor ${FLOORS[roomOf(i.from)]}) imports ${i.to} (floor ${FLOORS[roomOf(i.to)]})`);
    expect(upward).toEqual([]);
  });

  test('the way back of a pair of public classes imports types only, and is still needed', () => {
    // GIVEN: every file a file reaches through its imports
    const next = (f: string) => imports.filter(i => i.from === f).map(i => i.to);
    const reaches = (from: string, to: string) => {
      const seen = new Set<string>();
      const todo = [from];
      while (todo.length > 0) {
        const f = todo.pop()!;
        if (f === to) {
          return true;
        }
        if (!seen.has(f)) {
          seen.add(f);
          todo.push(...next(f));
        }
      }
      return false;
    };
    // WHEN
    const found = PUBLIC_TYPE_LOOPS.map(([from, to]) => {
      const i = imports.find(x => x.from === from && x.to === to);
      const status = !i ? 'no such import' : !i.typeOnly ? 'imports values' : !reaches(to, from) ? 'closes no circle' : 'type-only';
      return `${from} => ${to}: ${status}`;
    });
    // THEN
    expect(found).toEqual(PUBLIC_TYPE_LOOPS.map(([from, to]) => `${from} => ${to}: type-only`));
  });

  test('the floors are the ones docs/ARCHITECTURE.md describes', () => {
    // GIVEN: the document's table, `| <floor>: <name> | \`room/\`, \`file.ts\` | ... |`
    const doc = fs.readFileSync(path.join(__dirname, '..', 'docs', 'ARCHITECTURE.md'), 'utf-8');
    const documented: { [room: string]: number } = {};
    for (const m of doc.matchAll(/^\| (\d+): [^|]+\| ([^|]+) \|/gm)) {
      for (const room of m[2].matchAll(/`([^`]+)`/g)) {
        documented[room[1].replace(/\/$/, '')] = Number(m[1]);
      }
    }
    // THEN
    expect(documented).toEqual(FLOORS);
  });
});
