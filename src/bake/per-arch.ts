import type { LucidImage } from '../images/lucid-image';

// Names of the per-architecture tags and targets, shared by the bake file and the workflow that pushes them.

/** The platform's architecture as used in tags and names: `linux/arm/v7` → `arm-v7`. */
export function architectureOf(platform: string): string {
  return platform.split('/').slice(1).join('-');
}

/** The name of an image's target for one platform, tagged `<tag>-<arch>`. */
export function perArchTargetName(image: LucidImage, platform: string): string {
  return `${image.targetName}-${architectureOf(platform)}`;
}
