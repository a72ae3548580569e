import { cdk, javascript } from 'projen';

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

  peerDeps: ['constructs@^10.0.0', 'projen@^0.103.25'],
  bundledDeps: ['yaml'],
  devDeps: ['@swc/core', 'dockerfile-ast', 'fast-check'],

  jestOptions: {
    updateSnapshot: javascript.UpdateSnapshot.NEVER,
    jestConfig: {
      testMatch: ['<rootDir>/test/**/*.test.ts'],
    },
  },
  tsconfigDev: {
    compilerOptions: {},
    include: ['examples/**/*.ts'],
  },
});

// `npx projen` runs constantly: transpile .projenrc.ts (and ./src) with swc instead of
// type-checking it on every run. Type checking belongs to `compile` and `test`.
project.defaultTask?.reset('ts-node --swc --project projenrc/tsconfig.json .projenrc.ts');

project.synth();
