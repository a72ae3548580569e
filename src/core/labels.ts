/**
 * The `org.lucid.*` labels every Lucid service image carries (the LUCID standard, seed 004): the one place
 * their keys are written.
 */
export enum LucidLabel {
  /** The service's plane: `ops`, `chain`, `gui` or `wallet`. */
  PLANE = 'org.lucid.plane',
  /** The service's layer: `0` to `3`. */
  LAYER = 'org.lucid.layer',
  /** The service's name, as compose and bake know it. */
  SERVICE = 'org.lucid.service',
  /** The port the service listens on. */
  EXPOSE = 'org.lucid.expose',
}
