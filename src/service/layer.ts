/**
 * The Lucid layer of a service (label `org.lucid.layer`). A service depends only on services of its own or
 * a lower layer.
 */
export enum Layer {
  /** Layer 0: core support (API gateway, Tor proxy). */
  CORE_SUPPORT = 0,
  /** Layer 1: session pipeline (authentication, session recorder). */
  SESSION_PIPELINE = 1,
  /** Layer 2: service integration (blockchain APIs, RDP). */
  SERVICE_INTEGRATION = 2,
  /** Layer 3: advanced services (governance, admin UI). */
  ADVANCED = 3,
}

/** The name used for a layer in bake groups, compose profiles and docs: `layer-0` … `layer-3`. */
export function layerName(layer: Layer): string {
  return `layer-${layer}`;
}
