// Which image of the app a Dockerfile belongs to, or an image reference names.

import { IConstruct } from 'constructs';
import { ImageKind, LucidImage } from './lucid-image';
import { appOf } from '../core/app-of';
import { memo } from '../core/tree-index';
import type { Dockerfile } from '../dockerfile';

/** The Lucid image a Dockerfile belongs to, if any. */
export function imageOf(dockerfile: Dockerfile): LucidImage | undefined {
  const scope = dockerfile.node.scope;
  return scope && LucidImage.isLucidImage(scope) ? scope : undefined;
}

/** Whether the Dockerfile builds a base image (not a service). A bare Dockerfile counts as a service. */
export function isBaseImage(dockerfile: Dockerfile): boolean {
  return imageOf(dockerfile)?.kind === ImageKind.BASE;
}

/** The image of the same app that `ref` names, if any (its own bake target feeds it in). */
export function appImage(c: IConstruct, ref: string | undefined): LucidImage | undefined {
  if (ref === undefined) {
    return undefined;
  }
  let app: IConstruct;
  try {
    app = appOf(c);
  } catch {
    return undefined;
  }
  const byRef = memo(app, 'images-by-ref', () => {
    const map = new Map<string, LucidImage>();
    for (const i of LucidImage.all(app)) {
      if (!map.has(i.imageRef)) {
        map.set(i.imageRef, i);
      }
    }
    return map;
  });
  return byRef.get(ref);
}

/** The Dockerfile builds a service: a LucidImage of kind SERVICE, or a bare Dockerfile. */
export function isServiceDockerfile(dockerfile: Dockerfile): boolean {
  return !isBaseImage(dockerfile);
}
