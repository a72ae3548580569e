import type { LucidImage } from './lucid-image';
import { dependenciesOf } from '../core/graph';

/**
 * The images of the app that `image` is built on, directly or through others, each once, deepest first: the
 * order bake contexts, CI `needs` and build secrets all read. @internal
 */
export function baseChain(image: LucidImage): LucidImage[] {
  return dependenciesOf(image, i => i.baseImages);
}
