import { Construct } from 'constructs';
import { ImageKind, LucidImage, LucidImageProps } from './lucid-image';
import { Protocol } from '../dockerfile';
import { addPythonBuilder, addPythonEnv, VENV } from '../recipes/python';
import { DistrolessUser, RuntimeFamily, RuntimeLanguage } from '../runtimes';

/**
 * Properties of a distroless Python base image.
 */
export interface DistrolessPythonBaseProps extends LucidImageProps {
  /**
   * The distroless Python family of the runtime stage.
   * @default RuntimeFamily.PYTHON3_DEBIAN13
   */
  readonly family?: RuntimeFamily;
  /**
   * A pip requirements file in the build context, installed into the venv.
   * @default 'requirements.txt'
   */
  readonly requirements?: string;
  /**
   * Install with `pip --require-hashes` (every requirement pinned with its hash).
   * @default false
   */
  readonly requireHashes?: boolean;
  /**
   * Ports every image built on it exposes (EXPOSE is inherited). Leave it empty for a base that services with
   * ports of their own build on: each service exposes its own port, and LUCID-NET1 refuses any other.
   * @default []
   */
  readonly ports?: number[];
}

/**
 * A Python base image: a venv under `/opt/venv`, built by the runtime's own Debian interpreter and copied into
 * distroless Python (`:nonroot`, UID 65532, no shell, no pip). Services build FROM it with COPY only.
 */
export class DistrolessPythonBase extends LucidImage {
  public readonly kind = ImageKind.BASE;
  private readonly family: RuntimeFamily;

  /**
   * @param scope the construct this one belongs to (a LucidApp, or a construct inside one)
   * @param id the construct id: names the bake target and the compose service, so keep it short and stable
   * @param props its properties
   */
  constructor(scope: Construct, id: string, props: DistrolessPythonBaseProps) {
    super(scope, id, { description: `Lucid Python base image (${(props.family ?? RuntimeFamily.PYTHON3_DEBIAN13).name})`, ...props });
    this.family = props.family ?? RuntimeFamily.PYTHON3_DEBIAN13;
    this._requireLanguage(this.family, RuntimeLanguage.PYTHON, 'Python');
    const builder = addPythonBuilder(this.dockerfile, this.family, {
      requirements: props.requirements ?? 'requirements.txt',
      requireHashes: props.requireHashes,
      secretMounts: this._secretMounts(),
    });
    const runtime = this.dockerfile.addStage('runtime', { baseImage: this._fromFamily(this.family) });
    runtime.addCopy([VENV], VENV, { fromStage: builder });
    addPythonEnv(runtime);
    // No WORKDIR /app here: created under the image's USER 65532 it would be writable by the services built on
    // this base; they create /app root-owned with their COPY.
    runtime.addUser(`${DistrolessUser.NONROOT_UID}:${DistrolessUser.NONROOT_GID}`);
    for (const port of props.ports ?? []) {
      runtime.addExpose(port, Protocol.TCP);
    }
    // A Python PID 1 ignores SIGTERM; SIGINT raises KeyboardInterrupt and stops it at once.
    runtime.useStopSignal('SIGINT');
    runtime.useEntrypoint([`${VENV}/bin/python3`]);
    // Labels last: changing one invalidates no layer.
    this._addStandardLabels(runtime);
  }

  /** The distroless family of the runtime stage. */
  public get runtimeFamily(): RuntimeFamily {
    return this.family;
  }
}
