import { Construct } from 'constructs';
import { ImageKind, LucidImage, LucidImageProps } from './lucid-image';
import { Protocol } from '../dockerfile';
import { addNodeBuilder, NODE_APP_DIR } from '../recipes/node';
import { DistrolessUser, RuntimeFamily, RuntimeLanguage } from '../runtimes';

/**
 * Properties of a Node base image.
 */
export interface NodeBaseProps extends LucidImageProps {
  /**
   * The distroless Node family; the builder is `node:<major>` of the same major.
   * @default RuntimeFamily.NODEJS22_DEBIAN13
   */
  readonly family?: RuntimeFamily;
  /**
   * Files that define shared production dependencies (installed with `npm ci --omit=dev` into `/app`).
   * @default ['package.json', 'package-lock.json']
   */
  readonly manifestFiles?: string[];
  /**
   * Ports every image built on it exposes (EXPOSE is inherited). Leave it empty for a base that services with
   * ports of their own build on: each service exposes its own port, and LUCID-NET1 refuses any other.
   * @default []
   */
  readonly ports?: number[];
}

/**
 * A Node base image: distroless Node (`/nodejs/bin/node`, no npm, no shell, `:nonroot`) with shared
 * production dependencies under `/app/node_modules`.
 */
export class NodeBase extends LucidImage {
  public readonly kind = ImageKind.BASE;
  private readonly family: RuntimeFamily;

  /**
   * @param scope the construct this one belongs to (a LucidApp, or a construct inside one)
   * @param id the construct id: names the bake target and the compose service, so keep it short and stable
   * @param props its properties
   */
  constructor(scope: Construct, id: string, props: NodeBaseProps) {
    const family = props.family ?? RuntimeFamily.NODEJS22_DEBIAN13;
    super(scope, id, { description: `Lucid Node base image (${family.name})`, ...props });
    this.family = family;
    this._requireLanguage(family, RuntimeLanguage.NODEJS, 'Node');
    const builder = addNodeBuilder(this.dockerfile, family, {
      manifestFiles: props.manifestFiles ?? ['package.json', 'package-lock.json'],
      sources: [],
      secretMounts: this._secretMounts(),
    });
    const runtime = this.dockerfile.addStage('runtime', { baseImage: this._fromFamily(family) });
    runtime.addCopy([NODE_APP_DIR], NODE_APP_DIR, { fromStage: builder });
    runtime.addEnv('NODE_ENV', 'production');
    runtime.addWorkdir(NODE_APP_DIR);
    runtime.addUser(`${DistrolessUser.NONROOT_UID}:${DistrolessUser.NONROOT_GID}`);
    for (const port of props.ports ?? []) {
      runtime.addExpose(port, Protocol.TCP);
    }
    runtime.useEntrypoint([family.interpreterPath!]);
    // Labels last: changing one invalidates no layer.
    this._addStandardLabels(runtime);
  }

  /** The distroless family of the runtime stage. */
  public get runtimeFamily(): RuntimeFamily {
    return this.family;
  }
}
