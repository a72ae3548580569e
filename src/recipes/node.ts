import * as path from 'path';
import { LanguageRecipe, RecipeBaseImage, RecipeRuntime } from './recipe';
import { pathProblems } from '../core/path-grammar';
import { BaseImage, Dockerfile, MountType, RunMount, Stage } from '../dockerfile';
import { RuntimeFamily } from '../runtimes';

/** Where a Node app lives in the image. */
export const NODE_APP_DIR = '/app';

/**
 * What the Node recipe reads of a service's runtime (`ServiceRuntime.nodejs()`, whose base image is a `NodeBase`).
 * @internal
 */
export interface NodeRecipeRuntime extends RecipeRuntime {
  readonly nodeOptions?: {
    readonly baseImage?: RecipeBaseImage;
    readonly manifestFiles?: string[];
    readonly sources?: string[];
    readonly main?: string;
  };
}

/** Options of a Node builder stage. @internal */
export interface NodeBuilderOptions {
  /** Files that define the dependencies, copied first for a cached `npm ci` layer. */
  readonly manifestFiles: string[];
  /** App files and folders copied after the dependencies. */
  readonly sources: string[];
  /** Secret mounts of `npm ci`. */
  readonly secretMounts?: RunMount[];
}

/**
 * Adds the builder stage of a Node image: `node:<major>` of the runtime's major installs production
 * dependencies from the lockfile; the runtime stage copies `/app`.
 * @internal
 */
export function addNodeBuilder(df: Dockerfile, family: RuntimeFamily, options: NodeBuilderOptions): Stage {
  const builder = df.addStage('builder', { baseImage: BaseImage.fromRegistry(family.builder.image) });
  builder.addWorkdir(NODE_APP_DIR);
  builder.addEnv('NODE_ENV', 'production');
  builder.addCopy(options.manifestFiles, './');
  builder.addRun('npm ci --omit=dev --no-audit --no-fund', {
    mounts: [{ mountType: MountType.CACHE, target: '/root/.npm', id: 'npm' }, ...(options.secretMounts ?? [])],
  });
  for (const src of options.sources) {
    builder.addCopy([src], `./${src}`);
  }
  return builder;
}

/**
 * An HTTP probe in exec form run by the runtime's own node: exits 0 only on a 2xx answer, 1 on any other
 * status, error or timeout.
 * @internal
 */
export function nodeHttpProbe(node: string, url: string, timeoutSeconds: number): string[] {
  const script = `const r = require('http').get(${JSON.stringify(url)}, { timeout: ${timeoutSeconds * 1000} }, ` +
    '(res) => process.exit(res.statusCode >= 200 && res.statusCode < 300 ? 0 : 1)); ' +
    "r.on('timeout', () => process.exit(1)); r.on('error', () => process.exit(1));";
  return [node, '-e', script];
}

/**
 * Node.js: production dependencies installed from the lockfile by `node:<major>`, the app in `/app` run by the
 * runtime's own node.
 * @internal
 */
export const NODE_RECIPE: LanguageRecipe = {
  name: 'nodejs',
  // The node binary alone is about 110 MB: distroless Node starts near 150 MB.
  defaultBudgetMb: 180,
  compiledProbe: false,
  buildService(context, rt: NodeRecipeRuntime) {
    const o = rt.nodeOptions!;
    const family = rt.family;
    const builder = addNodeBuilder(context.dockerfile, family, {
      manifestFiles: o.manifestFiles ?? ['package.json', 'package-lock.json'],
      sources: o.sources ?? ['server.js'],
      secretMounts: context.secretMounts(),
    });
    const runtime = context.dockerfile.addStage('runtime', { baseImage: o.baseImage ? context.fromLucidImage(o.baseImage) : context.fromFamily(family) });
    runtime.addCopy([NODE_APP_DIR], NODE_APP_DIR, { fromStage: builder, chown: '0:0' });
    if (!o.baseImage) {
      // A Node base image sets it already.
      runtime.addEnv('NODE_ENV', 'production');
    }
    runtime.addWorkdir(NODE_APP_DIR);
    const node = family.interpreterPath!;
    return {
      runtime,
      family,
      entrypoint: [node, path.posix.join(NODE_APP_DIR, o.main ?? 'server.js')],
      // Node as PID 1 installs no signal handlers: the app (or compose's init) must handle SIGTERM.
      stopSignal: 'SIGTERM',
      probe: (url, t) => nodeHttpProbe(node, url, t),
    };
  },
  structureFiles(facts) {
    const main = facts.entrypoint[1];
    return facts.service ? [{ name: `${main} exists, owned by root`, path: main, shouldExist: true, uid: 0 }] : [];
  },
  structureCommands({ family }) {
    const version = (family.languageVersion ?? '').replace(/\./g, '\\.');
    return [{ name: `node ${family.languageVersion}`, command: family.interpreterPath!, args: ['--version'], expectedOutput: [`^v${version}\\.`] }];
  },
  serviceProblems(rt: NodeRecipeRuntime) {
    const main = rt.nodeOptions?.main;
    return main === undefined ? [] : pathProblems('main', main);
  },
  isOwnProbe: () => false,
};
