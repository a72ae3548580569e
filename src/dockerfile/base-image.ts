import type { Stage } from './stage';

/**
 * Options of an image pulled from a registry.
 */
export interface RegistryImageOptions {
  /**
   * Whether the image has a shell (`/bin/sh`). Distroless images have none: shell-form RUN is then rejected
   * in every stage built from it.
   * @default true
   */
  readonly hasShell?: boolean;
}

/**
 * What a stage is built FROM: an image from a registry, or an earlier stage of the same Dockerfile.
 */
export class BaseImage {
  /**
   * An image from a registry, e.g. `gcr.io/distroless/python3-debian13:nonroot`. An invalid reference is not
   * thrown here: it is reported by validation, with the path of the stage that uses it.
   * @param reference the image reference, `[registry/]repository[:tag][@digest]`
   * @param options how the image may be used
   */
  public static fromRegistry(reference: string, options: RegistryImageOptions = {}): BaseImage {
    return new BaseImage(reference, undefined, options.hasShell ?? true);
  }

  /**
   * An earlier stage of the same Dockerfile (`FROM <stage name>`). The new stage has a shell exactly when that
   * stage has one.
   */
  public static fromStage(stage: Stage): BaseImage {
    return new BaseImage(undefined, stage, undefined);
  }

  /** The image reference, when built from a registry image. */
  public readonly imageRef?: string;
  /** The stage, when built from a stage. */
  public readonly stage?: Stage;
  private readonly registryHasShell?: boolean;

  private constructor(imageRef: string | undefined, stage: Stage | undefined, hasShell: boolean | undefined) {
    this.imageRef = imageRef;
    this.stage = stage;
    this.registryHasShell = hasShell;
  }

  /** Whether the image has a shell. */
  public get hasShell(): boolean {
    return this.stage ? this.stage.hasShell : this.registryHasShell !== false;
  }

  /** What FROM names: the image reference or the stage name. */
  public toString(): string {
    return this.stage ? this.stage.name : this.imageRef ?? '';
  }
}
