// The subset of container-structure-test's schema 2.0.0 that lucid-cdk generates, as plain data.
// Property names are the schema's own.

/**
 * A container-structure-test config (schema 2.0.0).
 * @see https://github.com/GoogleContainerTools/container-structure-test#running-tests
 */
export interface StructureTestConfig {
  /** Always `2.0.0`. */
  readonly schemaVersion: string;
  /** Checks of the image's configuration. */
  readonly metadataTest: StructureMetadataTest;
  /** Paths that must or must not exist. */
  readonly fileExistenceTests: StructureFileExistenceTest[];
  /** Commands run in the image (exec form, with their own entrypoint). */
  readonly commandTests: StructureCommandTest[];
}

/**
 * A key-value pair in a metadata test.
 * @see https://github.com/GoogleContainerTools/container-structure-test#metadata-test
 */
export interface StructureKeyValue {
  /** The key. */
  readonly key: string;
  /** The expected value. */
  readonly value: string;
}

/**
 * Checks of the image's configuration.
 * @see https://github.com/GoogleContainerTools/container-structure-test#metadata-test
 */
export interface StructureMetadataTest {
  /** Environment variables with their exact values. */
  readonly envVars: StructureKeyValue[];
  /** Labels with their exact values. */
  readonly labels: StructureKeyValue[];
  /** The entrypoint. */
  readonly entrypoint: string[];
  /** The command. */
  readonly cmd: string[];
  /** Exposed ports, as `8080/tcp`. */
  readonly exposedPorts: string[];
  /**
   * The working directory.
   * @default - not checked
   */
  readonly workdir?: string;
  /** The user. */
  readonly user: string;
}

/**
 * A path that must or must not exist.
 * @see https://github.com/GoogleContainerTools/container-structure-test#file-existence-tests
 */
export interface StructureFileExistenceTest {
  /** The test's name. */
  readonly name: string;
  /** The absolute path. */
  readonly path: string;
  /** Whether it must exist. */
  readonly shouldExist: boolean;
  /**
   * The owner's uid, when it must exist.
   * @default - not checked
   */
  readonly uid?: number;
}

/**
 * A command run in the image.
 * @see https://github.com/GoogleContainerTools/container-structure-test#command-tests
 */
export interface StructureCommandTest {
  /** The test's name. */
  readonly name: string;
  /** The binary (absolute: the images have no shell). */
  readonly command: string;
  /** Its arguments. */
  readonly args: string[];
  /**
   * Regular expressions its standard output must match.
   * @default []
   */
  readonly expectedOutput?: string[];
  /**
   * Regular expressions its standard error must match.
   * @default []
   */
  readonly expectedError?: string[];
  /**
   * The exit code.
   * @default 0
   */
  readonly exitCode?: number;
}
