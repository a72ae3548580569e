// Which constructs a rule looks at: runtime and builder stages, a service's runtime stage, the registry images
// a construct pulls.

import { IConstruct } from 'constructs';
import { show } from './finding-format';
import { lockedImage } from '../core/app-of';
import { ImageReference, Stage } from '../dockerfile';
import { parseRef } from '../dockerfile/image-reference-facts';
import { appImage, isServiceDockerfile } from '../images/image-lookup';
import { FoundationService } from '../service/foundation-service';

/** The stage, when `c` is the final (runtime) stage of its Dockerfile. */
export function asRuntimeStage(c: IConstruct): Stage | undefined {
  return Stage.isStage(c) && c.dockerfile.finalStage === c ? c : undefined;
}

/** The stage, when `c` is a stage other than the final one (a builder). */
export function asBuilderStage(c: IConstruct): Stage | undefined {
  return Stage.isStage(c) && c.dockerfile.finalStage !== c ? c : undefined;
}

/** An image a construct pulls from a registry, as LUCID-IMG4 and LUCID-IMG5 check it. */
export interface PulledImage {
  /** How findings name it: `FROM "debian"`, `COPY --from="busybox:latest"`, `image "redis:8.0"`. */
  readonly value: string;
  /** The reference, as the app writes it (without the digest its lock adds). */
  readonly written: string;
  /** The parsed reference, as the files write it: with the digest of the app's image lock, if it holds one. */
  readonly ref: ImageReference;
}

/**
 * The registry images a construct pulls: a stage's FROM and `COPY --from=<image>` (images of the app, which bake
 * builds in the same graph, and stages excluded), or a foundation service's image. `undefined` when `c` is
 * neither a stage nor a foundation service. References that do not parse are left out: validation reports them.
 */
export function pulledImages(c: IConstruct): PulledImage[] | undefined {
  const out: PulledImage[] = [];
  const add = (written: string | undefined, value: (w: string) => string) => {
    const ref = parseRef(written === undefined ? undefined : lockedImage(c, written));
    if (written !== undefined && ref && !appImage(c, written) && !out.some(p => p.written === written)) {
      out.push({ value: value(written), written, ref });
    }
  };
  if (FoundationService.isFoundationService(c)) {
    add(c.image, w => `image ${show(w)}`);
    return out;
  }
  if (!Stage.isStage(c)) {
    return undefined;
  }
  add(c.baseImage.imageRef, w => `FROM ${show(w)}`);
  for (const copy of c.copies()) {
    add(copy.fromImage, w => `COPY --from=${show(w)}`);
  }
  return out;
}

/** The stage, when `c` is the runtime (final) stage of a service's Dockerfile. */
export function asServiceRuntimeStage(c: IConstruct): Stage | undefined {
  const stage = asRuntimeStage(c);
  return stage && isServiceDockerfile(stage.dockerfile) ? stage : undefined;
}
