import { cdk, javascript } from 'projen';
import { defineLucidStack } from './examples/lucid/stack';

const project = new cdk.JsiiProject({
  name: 'lucid-cdk',
  description: 'Typed constructs that synthesize the Lucid container infrastructure: Dockerfiles, bake and compose files, CI workflows, image tests and docs.',
  author: 'Lucid',
  authorAddress: 'dev@lucid.invalid',
  repositoryUrl: 'https://github.com/lucid/lucid-cdk.git',
  defaultReleaseBranch: 'main',
  jsiiVersion: '~6.0.0',
  packageManager: javascript.NodePackageManager.NPM,
  projenrcTs: true,
  keywords: ['docker', 'distroless', 'buildx', 'bake', 'compose', 'constructs', 'projen'],

  // lucid-cdk is consumed as a library and tested by `.ci/run`; it publishes nothing from here.
  github: false,
  release: false,
  package: false,

  // Python service repos use the same constructs: the assembly carries a python target, and
  // `npx projen package:python` builds the wheel (see scripts/python/).
  publishToPypi: { distName: 'lucid-cdk', module: 'lucid_cdk' },

  peerDeps: ['constructs@^10.5.0', 'projen@^0.103.25'],
  bundledDeps: ['yaml', '@balena/dockerignore', 'dockerfile-ast'],
  devDeps: ['@swc/core', 'fast-check', '@cdktf/hcl2json', 'ajv@^8', 'ajv-formats', '@actions/workflow-parser', 'mermaid@^11', 'playwright-core@^1.65', 'marked@^16'],

  jestOptions: {
    updateSnapshot: javascript.UpdateSnapshot.NEVER,
    coverageText: false,
    jestConfig: {
      testMatch: ['<rootDir>/test/**/*.test.ts'],
      // Only these are crawled: .e2e-work/ holds an engine's image layers.
      roots: ['<rootDir>/src', '<rootDir>/test'],
      // Testing.cleanup() after each test file: the folders of its apps would outlive jest's workers otherwise.
      setupFilesAfterEnv: ['<rootDir>/test/util/cleanup.ts'],
    },
  },
  tsconfigDev: {
    compilerOptions: {},
    include: ['../examples/**/*.ts'],
  },
});

// npm 11 asks which install scripts may run. @swc/core's only checks that its native binding loaded;
// @parcel/watcher's compiles a file watcher that jest uses in watch mode alone, and falls back without it.
project.package.addField('allowScripts', { '@swc/core': true, '@parcel/watcher': false });

// The package holds what a user needs: the compiled library, its jsii assembly and API reference, and the
// end-to-end suite's engine and stand-in scripts (README and LICENSE are always packed).
project.package.addField('files', ['lib/', '.jsii', 'API.md', 'assets/']);

// The tests feed generated files to docker buildx bake and docker compose: install their CLI plugins first.
project.testTask.prependExec('bash assets/e2e/setup-docker-tools.sh >/dev/null');
project.gitignore.exclude('/.e2e-work/', '/examples/lucid/secrets/');
// BuildKit logs captured from the engine, which the e2e parsers are tested against.
project.gitignore.include('/test/e2e/fixtures/**/*.log');
project.eslint?.addLintPattern('examples');
project.eslint?.allowDefaultProjectFiles('examples/*/*.ts');

// A name that is reserved in a target language (Python's `from`, C#'s `base`, Go's `type`) would make the
// binding rename it or fail: every jsii warning fails the compile instead of the default silencing.
project.compileTask.reset('jsii --fail-on-warnings');
project.watchTask.reset('jsii -w --fail-on-warnings');

// jsii-pacmak's own python build makes a venv and fetches setuptools from PyPI. The wheel is built from the
// generated source with Debian's python3 tooling instead, and its module is checked against the assembly.
const packagePython = project.tasks.tryFind('package:python')!;
packagePython.description = 'Builds the Python wheel into dist/python/ without PyPI and checks its module against .jsii (needs `npx projen compile`)';
packagePython.reset('bash scripts/python/build-wheel.sh');
packagePython.exec('/usr/bin/python3 scripts/python/check-wheel.py dist/python .jsii');

// The end-to-end suite: builds and runs every image and the compose stack on a private offline engine.
project.addTask('e2e', {
  description: 'Builds, runs and checks every image of the reference stack and its compose stack on an offline Docker engine',
  exec: 'ts-node --swc --project projenrc/tsconfig.json scripts/e2e/run.ts',
});

// The digest lock of the reference stack's external images: examples/lucid/images.lock.json.
project.addTask('pin', {
  description: 'Resolves the index digest of every external image of the reference stack (docker buildx imagetools inspect; $LUCID_PIN_MIRROR looks them up under a mirror) and rewrites its image lock',
  exec: 'ts-node --swc --project projenrc/tsconfig.json scripts/pin/pin.ts',
});

// The same suite in a service repository made from the packed library with projen new --from.
project.addTask('e2e:service-repo', {
  description: 'Creates a service repository from the packed library and runs its npx projen e2e',
  exec: 'bash scripts/e2e/service-repo.sh',
});

// The Lucid reference stack, synthesized into examples/lucid/ by every `npx projen`.
defineLucidStack(project);

// `npx projen` runs constantly: transpile .projenrc.ts (and ./src) with swc instead of
// type-checking it on every run. Type checking belongs to `compile` and `test`.
project.defaultTask?.reset('ts-node --swc --project projenrc/tsconfig.json .projenrc.ts');

project.synth();
