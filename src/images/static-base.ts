import { Construct } from 'constructs';
import { ImageKind, LucidImage, LucidImageProps } from './lucid-image';
import { invalidDebianPackage, invalidProgramPath } from '../core/errors';
import { BaseImage, Protocol } from '../dockerfile';
import { shellQuote, shellWords } from '../dockerfile/shell';
import { isDebianPackage, isProgramPath } from '../recipes/words';
import { DistrolessUser, RuntimeFamily, RuntimeLanguage } from '../runtimes';

/** Where the closure of copied binaries is assembled in the builder. */
const CLOSURE_DIR = '/closure';

/**
 * Properties of a base image for static or copied binaries.
 */
export interface StaticBaseProps extends LucidImageProps {
  /**
   * The distroless family: `static` for static binaries, `base` (glibc, libssl) or `cc` (adds libstdc++) for
   * dynamically linked ones.
   * @default RuntimeFamily.STATIC_DEBIAN13
   */
  readonly family?: RuntimeFamily;
  /**
   * Debian packages installed in the builder, whose binaries are then copied.
   * @default []
   */
  readonly builderPackages?: string[];
  /**
   * Absolute paths of binaries in the builder to copy into the runtime together with their shared-library
   * closure. The closure is computed at build time with `ldd`, for whatever architecture is being built —
   * never with architecture-specific globs.
   * @default []
   */
  readonly binaries?: string[];
  /**
   * Ports every image built on it exposes (EXPOSE is inherited). Leave it empty for a base that services with
   * ports of their own build on: each service exposes its own port, and LUCID-NET1 refuses any other.
   * @default []
   */
  readonly ports?: number[];
}

/**
 * A base image for static or copied binaries on distroless `static`, `base` or `cc`.
 */
export class StaticBase extends LucidImage {
  public readonly kind = ImageKind.BASE;
  private readonly family: RuntimeFamily;

  /**
   * @param scope the construct this one belongs to (a LucidApp, or a construct inside one)
   * @param id the construct id: names the bake target and the compose service, so keep it short and stable
   * @param props its properties
   */
  constructor(scope: Construct, id: string, props: StaticBaseProps) {
    const family = props.family ?? RuntimeFamily.STATIC_DEBIAN13;
    super(scope, id, { description: `Lucid base image for native binaries (${family.name})`, ...props });
    this.family = family;
    this._requireLanguage(family, RuntimeLanguage.NATIVE, 'native');
    const binaries = props.binaries ?? [];
    // Both reach the builder's shell: each must fit its grammar, and is written as a quoted word.
    for (const p of props.builderPackages ?? []) {
      if (!isDebianPackage(p)) {
        throw invalidDebianPackage(this.node.path, 'builderPackages', p);
      }
    }
    for (const b of binaries) {
      if (!isProgramPath(b)) {
        throw invalidProgramPath(this.node.path, 'binaries', b);
      }
    }
    let builder;
    if (binaries.length > 0) {
      builder = this.dockerfile.addStage('builder', { baseImage: BaseImage.fromRegistry(family.builder.image) });
      builder.addArg('DEBIAN_FRONTEND', 'noninteractive');
      const packages = [...new Set(props.builderPackages ?? [])].sort();
      if (packages.length > 0) {
        builder.addRun(`apt-get update && apt-get install -y --no-install-recommends ${shellWords(packages)} && rm -rf /var/lib/apt/lists/*`);
      }
      // Copy each binary with every library ldd resolves for it (and the dynamic loader), keeping their paths.
      const closure = shellQuote(CLOSURE_DIR);
      builder.addRun(`mkdir -p ${closure} && for b in ${shellWords(binaries)}; do cp --parents -L "$b" ${closure}/ && ` +
        '{ ldd "$b" 2>/dev/null | awk \'$2 == "=>" && $3 ~ /^\\// { print $3 } $1 ~ /^\\// { print $1 }\' | ' +
        `xargs -r -I{} cp --parents -L {} ${closure}/; }; done`);
    }
    const runtime = this.dockerfile.addStage('runtime', { baseImage: this._fromFamily(family) });
    if (builder) {
      runtime.addCopy([`${CLOSURE_DIR}/`], '/', { fromStage: builder });
    }
    runtime.addUser(`${DistrolessUser.NONROOT_UID}:${DistrolessUser.NONROOT_GID}`);
    for (const port of props.ports ?? []) {
      runtime.addExpose(port, Protocol.TCP);
    }
    // Labels last: changing one invalidates no layer.
    this._addStandardLabels(runtime);
  }

  /** The distroless family of the runtime stage. */
  public get runtimeFamily(): RuntimeFamily {
    return this.family;
  }
}
