/**
 * The Lucid plane a service belongs to (label `org.lucid.plane`). Each plane gets its own compose network,
 * compose profile and bake group.
 */
export enum Plane {
  /** Operations: gateways, proxies, authentication, administration. */
  OPS = 'ops',
  /** Blockchain services. */
  CHAIN = 'chain',
  /** User interfaces. */
  GUI = 'gui',
  /** Wallet services. */
  WALLET = 'wallet',
}
