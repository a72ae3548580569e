import { Project } from 'projen';
import {
  DistrolessPythonBase, DistrolessRedis, FoundationService, HealthCheck, IStackService, JavaBase, Layer, LucidApp, LucidService, LucidServiceProps,
  Plane, RuntimeFamily, SecretSource, ServiceRuntime, ServiceSecret, StaticBase, TorProxy,
} from '../../src';

/*
 * The Lucid reference stack: the whole Lucid system of the documents in Lucid's container folder (seeds 000–004),
 * so that every test, the e2e suite and the compliance report judge what Lucid will run.
 *
 * Choices the documents leave open (each one is also in the README's "From Lucid's documents to lucid-cdk"):
 *
 * - Planes. Seed 004 names ops, chain, gui and wallet and places only a few services. Session recorder, session
 *   management, the session processor and the service mesh controller run the stack's operations: `ops`. The
 *   blockchain engine and API, node management (nodes register and prove their work on chain), governance (votes are
 *   on-chain) and the Merkle builder (it produces what the chain anchors): `chain`. TRON payments hold keys:
 *   `wallet`, the plane seed 004 keeps for wallets and key management, alone so that nothing else shares its network.
 *   RDP services host the users' desktops: `gui`, with the admin UI.
 * - Layers. Seed 004's four: 0 core support (API gateway, Tor proxy, and the service mesh controller, which every
 *   layer calls for service discovery), 1 session pipeline (authentication, session recorder, session management,
 *   session processor, Merkle builder), 2 service integration (blockchain engine and API, RDP, node management, TRON
 *   payments), 3 advanced (governance, admin UI). A service depends only on its own or a lower layer (LUCID-LYR1).
 * - Session pipeline parts. Seed 004's layer 1 is "session pipeline services"; besides the recorder, the pipeline of
 *   Lucid cuts recordings into encrypted chunks (session processor, which needs ENCRYPTION_KEY) and builds the
 *   Merkle root of each session's chunks (Merkle builder), which the blockchain engine anchors.
 * - Runtimes. Python where the documents show Python (gateway, auth, sessions, payments, governance, mesh), Java for
 *   the chain (seed 000's Java base), Node for the UI and the Merkle builder, Go for the RDP services (a static
 *   binary on distroless `static`), and Debian's own packages for the Tor proxy and Redis (tor and redis-server with
 *   their library closure on distroless `base`, seed 003's "builder → binaries onto distroless"). Every app is stdlib only: PyPI, Maven Central and npm are unreachable
 *   where the e2e suite builds.
 * - Base images. Seed 003, corrected: production services use distroless directly. The two infrastructure services
 *   sit on the development bases: the service mesh controller on the Python base and node management on the Java
 *   base — they are the stack's own plumbing, rebuilt with the bases, and they keep the bases' build graph
 *   (bake `contexts = target:…`, CI `needs`) exercised. The general base and the minimal base are published for
 *   development and tests; no service builds on them.
 * - Ports. Distinct, 8080–8094, because the e2e suite runs every container on one host network.
 * - Foundation services. Redis (sessions and tokens: ops, built by the app from Debian's package), MongoDB (users, sessions, payments, proposals: ops, wallet,
 *   chain), Elasticsearch (session search for session management and the admin UI: ops, gui). A foundation service
 *   joins the networks of the planes of the services that depend on it. MongoDB and Elasticsearch stay pinned upstream
 *   images: their binaries cannot be had offline, so the e2e suite declares and validates them but does not run them.
 * - Env and secrets (seed 004). PYTHONDONTWRITEBYTECODE and PYTHONUNBUFFERED come from the Python recipe (not typed
 *   again here); SERVICE_PORT from each service's port; REDIS_URL, SERVICE_DISCOVERY_URL and TOR_SOCKS_PORT where a
 *   service uses them. MONGODB_URL and ENCRYPTION_KEY are secrets only (files under secrets/, never in ENV, which
 *   seed 004 itself got wrong): the services get MONGODB_URL_FILE and ENCRYPTION_KEY_FILE.
 */

/** The port of the service mesh controller, which every other service finds the rest through. */
const MESH_PORT = 8085;
const SERVICE_DISCOVERY_URL = `http://service-mesh-controller:${MESH_PORT}`;
const REDIS_URL = 'redis://redis:6379/0';
/** The Tor proxy's SOCKS port, besides its control and health port. */
const TOR_SOCKS_PORT = '9050';

const mongodbUrl: ServiceSecret = { name: 'mongodb-url', envVar: 'MONGODB_URL', source: SecretSource.FILE, location: 'secrets/mongodb-url' };
const encryptionKey: ServiceSecret = { name: 'encryption-key', envVar: 'ENCRYPTION_KEY', source: SecretSource.FILE, location: 'secrets/encryption-key' };

/**
 * A Lucid service whose `SERVICE_PORT` (seed 004) is its port: one fact, typed once; `discovery` is the service
 * mesh controller, which every service with a SERVICE_DISCOVERY_URL calls.
 */
function service(app: LucidApp, id: string, props: LucidServiceProps, discovery?: LucidService): LucidService {
  // A service that finds others through SERVICE_DISCOVERY_URL talks to the mesh controller at run time: talksTo
  // gives it a network with it, without making it wait for the controller at start-up.
  const callsDiscovery = discovery !== undefined && props.env?.SERVICE_DISCOVERY_URL !== undefined && !(props.dependsOn ?? []).includes(discovery);
  return new LucidService(app, id, {
    ...props,
    env: { SERVICE_PORT: String(props.port), ...props.env },
    talksTo: [...(props.talksTo ?? []), ...(callsDiscovery ? [discovery] : [])],
  });
}

/**
 * The Lucid reference stack: four base images, Redis on distroless, the foundation services MongoDB and
 * Elasticsearch, and fifteen services over the four planes and four layers (Python, Java, Node.js and Go), each with a tiny real app under `apps/`.
 */
export function defineLucidStack(project: Project, outdir = 'examples/lucid'): LucidApp {
  // Lucid runs on Raspberry Pis and on amd64 servers: besides each multi-platform tag, bake builds and CI pushes a
  // tag per architecture (pickme/lucid-base:python-distroless-arm64), the form seed 003 names.
  // Every external image is pinned to the digest in images.lock.json (`npx projen pin` rewrites it, Renovate updates it).
  const app = new LucidApp(project, 'Lucid', { outdir, name: 'lucid', bake: { perArchitectureTags: true }, imageLock: {} });

  // ---- base images (seeds 000, 002, 003) ------------------------------------------------------------------------
  // Seed 003's development bases are one repository with a tag per base: pickme/lucid-base:python-distroless,
  // :java-distroless and :latest, each also as -arm64 and -amd64 (bake's per-arch targets, pushed by CI).
  const pythonBase = new DistrolessPythonBase(app, 'python-base', {
    directory: 'images/python-base',
    requirements: 'requirements.txt',
    imageName: 'lucid-base',
    tag: 'python-distroless',
  });
  // A jlink runtime with only the modules the services use keeps the Java images under their 150 MB budget.
  const javaBase = new JavaBase(app, 'java-base', {
    directory: 'images/java-base',
    jlinkModules: ['jdk.httpserver'],
    imageName: 'lucid-base',
    tag: 'java-distroless',
  });
  // Seed 002's general base: distroless `base` (glibc, libssl, zlib), for dynamically linked binaries copied in.
  new StaticBase(app, 'general-base', {
    directory: 'images/general-base',
    imageName: 'lucid-base',
    tag: 'latest',
    family: RuntimeFamily.BASE_DEBIAN13,
    description: 'Lucid general base image (distroless base-debian13): glibc and libssl for copied binaries',
  });
  // Seed 002's "Alpine minimal base", as seed 004 allows Alpine: only in a builder, with a distroless `static`
  // runtime. No binary is copied into it, so it has no builder stage; a builder for it would be Debian's, because
  // StaticBase builds on the family's Debian builder and the offline e2e engine has no Alpine stand-in.
  new StaticBase(app, 'minimal-base', {
    directory: 'images/minimal-base',
    imageName: 'lucid-base',
    tag: 'minimal',
    description: 'Lucid minimal base image (distroless static-debian13) for static binaries',
  });

  // ---- foundation services (seed 003: pinned images, health-checked) -----------------------------------------------
  // Redis from Debian's redis-server package, copied with its library closure onto distroless `base` (seed 003's
  // corrected pattern), running as 65532 and probed with redis-cli: built by the app, so it runs offline too.
  const redis = new DistrolessRedis(app, 'redis', { directory: 'apps/redis' });
  // MongoDB and Elasticsearch cannot be had offline: pinned upstream images, declared, validated and health-checked;
  // the e2e suite skips them and says so.
  const mongodb = FoundationService.mongodb(app, 'mongodb');
  const elasticsearch = FoundationService.elasticsearch(app, 'elasticsearch');

  // ---- layer 0: core support ----------------------------------------------------------------------------------------
  // The real tor binary from Debian's package with its library closure on distroless `base`: SOCKS on
  // TOR_SOCKS_PORT for the stack's private networks, its control port on loopback, checked by a TCP probe.
  const tor = new TorProxy(app, 'tor-proxy', { directory: 'apps/tor-proxy', socksPort: Number(TOR_SOCKS_PORT) });

  // Infrastructure: on the development Python base (see the note at the top).
  const mesh = service(app, 'service-mesh-controller', {
    plane: Plane.OPS,
    layer: Layer.CORE_SUPPORT,
    description: 'Lucid service mesh controller: service discovery for the stack',
    directory: 'apps/service-mesh-controller',
    port: MESH_PORT,
    runtime: ServiceRuntime.python({ baseImage: pythonBase }),
    env: { REDIS_URL },
    dependsOn: [redis],
  });

  const gateway = service(app, 'api-gateway', {
    plane: Plane.OPS,
    layer: Layer.CORE_SUPPORT,
    description: 'Lucid API gateway: the single entry point of the stack',
    directory: 'apps/api-gateway',
    port: 8080,
    runtime: ServiceRuntime.python({ requirements: 'requirements.txt' }),
    env: { LOG_LEVEL: 'info', REDIS_URL, SERVICE_DISCOVERY_URL, TOR_SOCKS_PORT },
    dependsOn: [redis],
    talksTo: [tor],
  }, mesh);

  // ---- layer 1: session pipeline ------------------------------------------------------------------------------------
  // Services that find others through SERVICE_DISCOVERY_URL talk to the mesh controller at run time (talksTo, which
  // gives them a network with it); dependsOn keeps what they need before they start.
  const auth = service(app, 'auth-service', {
    plane: Plane.OPS,
    layer: Layer.SESSION_PIPELINE,
    description: 'Lucid authentication service',
    directory: 'apps/auth-service',
    port: 8081,
    runtime: ServiceRuntime.python(),
    secrets: [{ name: 'jwt-signing-key', source: SecretSource.FILE, location: 'secrets/jwt-signing-key' }, mongodbUrl],
    dependsOn: [gateway, mesh, redis, mongodb],
    env: { REDIS_URL, SERVICE_DISCOVERY_URL },
  }, mesh);

  const recorder = service(app, 'session-recorder', {
    plane: Plane.OPS,
    layer: Layer.SESSION_PIPELINE,
    description: 'Lucid session recorder',
    directory: 'apps/session-recorder',
    port: 8086,
    runtime: ServiceRuntime.python(),
    secrets: [mongodbUrl],
    dependsOn: [mesh, redis, mongodb],
    env: { REDIS_URL, SERVICE_DISCOVERY_URL },
  }, mesh);

  const sessions = service(app, 'session-management', {
    plane: Plane.OPS,
    layer: Layer.SESSION_PIPELINE,
    description: 'Lucid session management',
    directory: 'apps/session-management',
    port: 8087,
    runtime: ServiceRuntime.python(),
    secrets: [mongodbUrl],
    dependsOn: [auth, recorder, redis, mongodb, elasticsearch],
    env: { REDIS_URL, SERVICE_DISCOVERY_URL },
  }, mesh);

  const processor = service(app, 'session-processor', {
    plane: Plane.OPS,
    layer: Layer.SESSION_PIPELINE,
    description: 'Lucid session processor: chunks, compresses and encrypts recordings',
    directory: 'apps/session-processor',
    port: 8088,
    runtime: ServiceRuntime.python(),
    secrets: [encryptionKey],
    dependsOn: [recorder, redis],
    env: { REDIS_URL, SERVICE_DISCOVERY_URL },
  }, mesh);

  const merkle = service(app, 'merkle-builder', {
    plane: Plane.CHAIN,
    layer: Layer.SESSION_PIPELINE,
    description: 'Lucid Merkle tree builder: the root of each session\'s chunks, for anchoring on chain',
    directory: 'apps/merkle-builder',
    port: 8089,
    runtime: ServiceRuntime.nodejs(),
    dependsOn: [processor],
    env: { SERVICE_DISCOVERY_URL },
  }, mesh);

  // ---- layer 2: service integration ---------------------------------------------------------------------------------
  const jre = ['jdk.httpserver'];
  const engine = service(app, 'blockchain-engine', {
    plane: Plane.CHAIN,
    layer: Layer.SERVICE_INTEGRATION,
    description: 'Lucid blockchain engine: blocks, consensus, and the anchoring of session proofs',
    directory: 'apps/blockchain-engine',
    port: 8090,
    runtime: ServiceRuntime.java({ jlinkModules: jre }),
    healthCheck: HealthCheck.http({ path: '/health', startPeriodSeconds: 30 }),
    dependsOn: [merkle, mesh],
    env: { SERVICE_DISCOVERY_URL },
  }, mesh);

  const chainApi = service(app, 'blockchain-api', {
    plane: Plane.CHAIN,
    layer: Layer.SERVICE_INTEGRATION,
    description: 'Lucid blockchain API',
    directory: 'apps/blockchain-api',
    port: 8082,
    runtime: ServiceRuntime.java({ jlinkModules: jre }),
    healthCheck: HealthCheck.http({ path: '/health', startPeriodSeconds: 30 }),
    dependsOn: [auth, engine],
    env: { SERVICE_DISCOVERY_URL },
  }, mesh);

  // Infrastructure: on the development Java base (see the note at the top).
  const nodes = service(app, 'node-management', {
    plane: Plane.CHAIN,
    layer: Layer.SERVICE_INTEGRATION,
    description: 'Lucid node management: worker nodes, their pools and their proofs of operation',
    directory: 'apps/node-management',
    port: 8092,
    runtime: ServiceRuntime.java({ baseImage: javaBase }),
    healthCheck: HealthCheck.http({ path: '/health', startPeriodSeconds: 30 }),
    dependsOn: [engine, mesh],
    env: { SERVICE_DISCOVERY_URL },
  }, mesh);

  const rdp = service(app, 'rdp-services', {
    plane: Plane.GUI,
    layer: Layer.SERVICE_INTEGRATION,
    description: 'Lucid RDP services: the remote desktops whose sessions are recorded',
    directory: 'apps/rdp-services',
    port: 8091,
    runtime: ServiceRuntime.golang({ sources: ['main.go'] }),
    dependsOn: [sessions, recorder],
    env: { SERVICE_DISCOVERY_URL },
  }, mesh);

  // The wallet plane: payments to node operators, over Tor, with the keys' encryption key as a secret. It calls the
  // mesh controller (ops) through SERVICE_DISCOVERY_URL: talksTo gives it a route there without a start-up dependency.
  service(app, 'tron-payment', {
    plane: Plane.WALLET,
    layer: Layer.SERVICE_INTEGRATION,
    description: 'Lucid TRON payment services: payouts to node operators',
    directory: 'apps/tron-payment',
    port: 8093,
    runtime: ServiceRuntime.python(),
    secrets: [mongodbUrl, encryptionKey],
    dependsOn: [tor, nodes, mongodb],
    env: { SERVICE_DISCOVERY_URL, TOR_SOCKS_PORT },
  }, mesh);

  // ---- layer 3: advanced --------------------------------------------------------------------------------------------
  service(app, 'governance', {
    plane: Plane.CHAIN,
    layer: Layer.ADVANCED,
    description: 'Lucid governance: proposals and votes on the network\'s parameters',
    directory: 'apps/governance',
    port: 8094,
    runtime: ServiceRuntime.python(),
    secrets: [mongodbUrl],
    dependsOn: [chainApi, nodes, mongodb],
    env: { SERVICE_DISCOVERY_URL },
  }, mesh);

  const adminDeps: IStackService[] = [gateway, auth, sessions, chainApi, rdp, elasticsearch];
  service(app, 'admin-ui', {
    plane: Plane.GUI,
    layer: Layer.ADVANCED,
    description: 'Lucid admin UI',
    directory: 'apps/admin-ui',
    port: 8083,
    runtime: ServiceRuntime.nodejs(),
    dependsOn: adminDeps,
    env: { SERVICE_DISCOVERY_URL },
  }, mesh);

  return app;
}
