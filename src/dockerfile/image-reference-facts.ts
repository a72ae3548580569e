// What an image reference tells the checks: it parses, its repository, whether it is distroless and which
// catalogue family it names.

import { ImageReference } from './image-reference';
import { RuntimeFamily } from '../runtimes';

/** The distroless registry prefix. */
export const DISTROLESS_PREFIX = 'gcr.io/distroless/';

/** A parsed reference, or undefined when it does not parse (the Dockerfile's validation reports that). */
export function parseRef(ref: string | undefined): ImageReference | undefined {
  if (ref === undefined || !ImageReference.isValid(ref)) {
    return undefined;
  }
  return ImageReference.parse(ref);
}

/** The reference without tag or digest, with its registry: `gcr.io/distroless/python3-debian13`. */
export function repositoryOf(ref: ImageReference): string {
  return ref.registry ? `${ref.registry}/${ref.repository}` : ref.repository;
}

/** Whether the reference is a distroless image. */
export function isDistroless(ref: ImageReference): boolean {
  return repositoryOf(ref).startsWith(DISTROLESS_PREFIX);
}

/** The distroless family of a reference, when the catalogue knows it. */
export function distrolessFamily(ref: ImageReference): RuntimeFamily | undefined {
  const repo = repositoryOf(ref);
  return RuntimeFamily.all().find(f => f.repository === repo);
}
