import { ComplianceLevel } from './level';
import { RulePack } from './rule-pack';
import { ComposeCapabilitiesDropped } from './rules/compose/compose-capabilities';
import { ComposeHostIsolation } from './rules/compose/compose-host-isolation';
import { ComposeNoSecretInEnvironment } from './rules/compose/compose-no-secret-env';
import { ComposeNonRoot } from './rules/compose/compose-non-root';
import { ComposePortsBound } from './rules/compose/compose-ports-bound';
import { ComposeReadOnlyRoot } from './rules/compose/compose-read-only';
import { ContextDirectoryExists } from './rules/context/context-directory-exists';
import { CopySourcesInContext } from './rules/context/copy-sources-in-context';
import { HealthCheckFailsOnError } from './rules/health/health-check-fails-on-error';
import { HealthCheckPresent } from './rules/health/health-check-present';
import { BaseImageDigestPinned } from './rules/images/base-image-digest-pinned';
import { BaseImagePinned } from './rules/images/base-image-pinned';
import { MultiStageBuild } from './rules/images/multi-stage-build';
import { NoRunInRuntimeStage } from './rules/images/no-run-in-runtime-stage';
import { RuntimeBaseIsDistroless } from './rules/images/runtime-base-is-distroless';
import { RuntimeFamilyPublished } from './rules/images/runtime-family-published';
import { RuntimeFamilySupported } from './rules/images/runtime-family-supported';
import { SizeBudgetDeclared } from './rules/images/size-budget-declared';
import { LayerDirection } from './rules/layers/layer-direction';
import { ExposeMatchesPort } from './rules/metadata/expose-matches-port';
import { MandatoryLabels } from './rules/metadata/mandatory-labels';
import { EntrypointExists } from './rules/paths/entrypoint-exists';
import { JavaHomePortable } from './rules/paths/java-home-portable';
import { NoForeignInterpreter } from './rules/paths/no-foreign-interpreter';
import { PythonVersionConsistent } from './rules/paths/python-version-consistent';
import { NoSecretsInImage } from './rules/secrets/no-secrets-in-image';
import { DistrolessNonrootTag } from './rules/users/distroless-nonroot-tag';
import { NoPasswdFromBuilder } from './rules/users/no-passwd-from-builder';
import { NonRootUser } from './rules/users/non-root-user';
import { WorkflowActionsPinned } from './rules/workflow/actions-pinned';
import { WorkflowCheckoutWithoutCredentials } from './rules/workflow/checkout-credentials';
import { WorkflowJobTimeouts } from './rules/workflow/job-timeouts';
import { WorkflowLeastPrivilege } from './rules/workflow/least-privilege';
import { WorkflowNoExpressionInRun } from './rules/workflow/no-expression-in-run';
import { WorkflowNoUntrustedCheckout } from './rules/workflow/no-untrusted-checkout';
import { WorkflowSecretsInSteps } from './rules/workflow/secrets-in-steps';

/**
 * LUCID-STRICT: Lucid's distroless standard as rules. Every rule comes from the standard's compliance
 * checklist and prohibited practices, or from a defect found in Lucid's hand-written container files.
 *
 * Every LucidApp applies this pack unless its `compliance.packs` say otherwise. Add a service's own rules
 * with `addRule()`.
 */
export class LucidStrict extends RulePack {
  constructor() {
    super('LUCID-STRICT');
    this.addRule({
      id: 'LUCID-IMG1',
      level: ComplianceLevel.ERROR,
      info: 'The runtime (final) stage is built FROM a distroless image, or FROM an image of the app that is.',
      explanation: 'A runtime with a shell or a package manager (python:*-slim, debian, ubuntu, alpine, node, eclipse-temurin, a distroless :debug tag) widens the attack surface Lucid\'s standard forbids. Use those images only in builder stages, and build the runtime stage FROM gcr.io/distroless/<family>:nonroot (or a Lucid base image built on it), copying only what runs.',
      rule: new RuntimeBaseIsDistroless(),
    });
    this.addRule({
      id: 'LUCID-IMG2',
      level: ComplianceLevel.ERROR,
      info: 'A service image is built in several stages: build tools stay in a builder stage.',
      explanation: 'A single-stage build ships the compilers, package managers and caches it used. Install and build in a builder stage, then COPY --from=builder only the result into the distroless runtime stage; or build FROM a Lucid base image, which was built that way.',
      rule: new MultiStageBuild(),
    });
    this.addRule({
      id: 'LUCID-IMG3',
      level: ComplianceLevel.ERROR,
      info: 'The runtime stage runs no commands (no RUN).',
      explanation: 'A distroless runtime has no shell and no package manager, and installing at this point is what the standard forbids. Move the step into a builder stage and COPY --from its result.',
      rule: new NoRunInRuntimeStage(),
    });
    this.addRule({
      id: 'LUCID-IMG4',
      level: ComplianceLevel.ERROR,
      info: 'Every image built FROM, copied from or run from a registry has a version tag other than latest, or a digest.',
      explanation: 'An untagged or :latest reference changes under the build without notice. Name a version tag (debian:13-slim, redis:8.0) or a digest (@sha256:...). Images of the app itself are exempt: bake builds them in the same graph.',
      rule: new BaseImagePinned(),
    });
    this.addRule({
      id: 'LUCID-IMG5',
      level: ComplianceLevel.WARNING,
      info: 'Registry images are pinned by digest, not only by tag.',
      explanation: 'Tags move: distroless republishes :nonroot with every Debian update. Pin a digest (image:tag@sha256:..., which `docker buildx imagetools inspect image:tag` prints) for reproducible builds and let a bot propose updates; or suppress this warning with the reason the tag is trusted. Images of the app itself are exempt.',
      rule: new BaseImageDigestPinned(),
    });
    this.addRule({
      id: 'LUCID-IMG6',
      level: ComplianceLevel.ERROR,
      info: 'Every image has a size budget that CI and the end-to-end suite check.',
      explanation: 'Lucid\'s images have budgets (Python 100 MB, Java 150 MB). Build the image as a Lucid image (a LucidService or base image, whose sizeBudgetMb is set or derived from its runtime) and give it a positive sizeBudgetMb.',
      rule: new SizeBudgetDeclared(),
    });
    this.addRule({
      id: 'LUCID-IMG7',
      level: ComplianceLevel.ERROR,
      info: 'The distroless family of the runtime is still published upstream (not removed), so its image exists.',
      explanation: 'Google removed the debian12 language images (python3-debian12 on 2026-05-12, java17-debian12 and nodejs20-debian12 on 2026-02-27): a Dockerfile FROM them can no longer be built or pulled, and gets no security fixes. Move to the debian13 family the catalogue names (python3-debian13, nodejs22-debian13, java21-debian13, ...). Suppress with a reason only where a mirror of the last image is kept.',
      rule: new RuntimeFamilyPublished(),
    });
    this.addRule({
      id: 'LUCID-IMG8',
      level: ComplianceLevel.WARNING,
      info: 'The distroless family of the runtime is not deprecated, nor past its end of life on the app\'s asOf date.',
      explanation: 'A deprecated family (the debian12 base, cc and static images) is still published but soon gets no security fixes. Move to the replacement the catalogue names (base-debian13, cc-debian13, static-debian13, ...); set the app\'s asOf to be warned before an end of life passes.',
      rule: new RuntimeFamilySupported(),
    });
    this.addRule({
      id: 'LUCID-USR1',
      level: ComplianceLevel.ERROR,
      info: 'The runtime stage runs as the distroless nonroot user, uid 65532.',
      explanation: 'Root in a container is root on the kernel\'s attack surface, and other uids do not exist in distroless\'s /etc/passwd. Build FROM a :nonroot distroless image and set USER 65532:65532 (or none, inheriting nonroot); never USER root, 0 or a user created in a builder.',
      rule: new NonRootUser(),
    });
    this.addRule({
      id: 'LUCID-USR2',
      level: ComplianceLevel.ERROR,
      info: 'A distroless runtime image is the :nonroot variant (or a digest of it).',
      explanation: 'gcr.io/distroless/<family>:latest (or no tag) runs as root, and :debug variants add a shell. Use the :nonroot tag, or its digest.',
      rule: new DistrolessNonrootTag(),
    });
    this.addRule({
      id: 'LUCID-USR3',
      level: ComplianceLevel.ERROR,
      info: 'The runtime\'s /etc/passwd, /etc/group, /etc/shadow and /etc/gshadow are never overwritten by COPY.',
      explanation: 'Copying a builder\'s /etc/passwd over distroless\'s drops its nonroot (65532) and nobody users and brings the builder\'s uids (service_user is 1000). Do not copy user databases: distroless already has nonroot; run as USER 65532:65532.',
      rule: new NoPasswdFromBuilder(),
    });
    this.addRule({
      id: 'LUCID-CTX1',
      level: ComplianceLevel.ERROR,
      info: 'Every file COPY reads from the build context exists there and is not excluded by .dockerignore.',
      explanation: 'A source that is missing or ignored fails the build (a *.txt rule once hid requirements.txt). Create the file in the image\'s directory, or fix the path. The app writes the context\'s .dockerignore from what the Dockerfile copies, so it never needs editing; a hand-written Dockerfile.dockerignore, which BuildKit prefers to it, must go.',
      rule: new CopySourcesInContext(),
    });
    this.addRule({
      id: 'LUCID-CTX2',
      level: ComplianceLevel.WARNING,
      info: 'The image\'s build context directory exists.',
      explanation: 'bake builds every image from its directory, and the files the Dockerfile copies cannot be checked until it exists. Create the directory with the files the Dockerfile copies, or fix the image\'s directory property. An image that copies only files the app generates needs nothing: synthesis creates its directory.',
      rule: new ContextDirectoryExists(),
    });
    this.addRule({
      id: 'LUCID-LBL1',
      level: ComplianceLevel.ERROR,
      info: 'The image carries Lucid\'s mandatory labels: maintainer, version, description and, for services, org.lucid.plane, org.lucid.layer, org.lucid.service and org.lucid.expose, each valid.',
      explanation: 'Lucid\'s tooling and reviews find images by these labels. Build the image as a LucidService (plane, layer, port and description set the labels), or add them with valid values: plane ops|chain|gui|wallet, layer 0-3, service the service name, expose the port.',
      rule: new MandatoryLabels(),
    });
    this.addRule({
      id: 'LUCID-NET1',
      level: ComplianceLevel.ERROR,
      info: 'A service exposes exactly its declared port, and org.lucid.expose names the same port.',
      explanation: 'EXPOSE is inherited from base images, so a base that exposes ports adds them to every service. Expose only the service\'s own port, and keep the org.lucid.expose label equal to it.',
      rule: new ExposeMatchesPort(),
    });
    this.addRule({
      id: 'LUCID-HC1',
      level: ComplianceLevel.ERROR,
      info: 'A service has an exec-form HEALTHCHECK whose program exists in the runtime image.',
      explanation: 'compose waits on health checks, and a probe that cannot start (pgrep, curl or a shell in a distroless image) reports unhealthy forever. Use HealthCheck.http() (the runtime\'s own interpreter) or HealthCheck.exec() with the absolute path of a program the image has.',
      rule: new HealthCheckPresent(),
    });
    this.addRule({
      id: 'LUCID-HC2',
      level: ComplianceLevel.ERROR,
      info: 'An HTTP health probe fails when the service answers with a non-2xx status.',
      explanation: 'requests.get(url) without a status check reports a failing service as healthy, and requests is not in the distroless runtime. Use HealthCheck.http(), whose probe uses the standard library and exits 1 on any status outside 200-299.',
      rule: new HealthCheckFailsOnError(),
    });
    this.addRule({
      id: 'LUCID-SEC1',
      level: ComplianceLevel.ERROR,
      info: 'No secret is written into an image: no ENV, ARG default or LABEL holds a password, token, key or a URL with credentials.',
      explanation: 'Values in ENV, ARG and LABEL are stored in the image\'s config and history for anyone who can pull it. Give runtime secrets to the service as secrets (ServiceSecret: a file mounted at /run/secrets/<name>, with <NAME>_FILE pointing there) and build secrets as buildSecrets (BuildSecret: mounted only into the step that needs it).',
      rule: new NoSecretsInImage(),
    });
    this.addRule({
      id: 'LUCID-PATH1',
      level: ComplianceLevel.ERROR,
      info: 'Paths that name a Python version (PYTHONPATH, venv and site-packages paths) name the runtime\'s version.',
      explanation: 'A python3.12 path in a 3.11 runtime is never searched, so imports fail at runtime. Derive paths from the runtime family (the venv that DistrolessPythonBase and ServiceRuntime.python build), or write the runtime\'s version.',
      rule: new PythonVersionConsistent(),
    });
    this.addRule({
      id: 'LUCID-PATH2',
      level: ComplianceLevel.ERROR,
      info: 'No interpreter, or anything installed for one, is copied into a runtime that has its own.',
      explanation: 'A builder\'s /usr/local Python or Node does not match the runtime\'s Debian interpreter: copied site-packages, console-script shebangs (#!/usr/local/bin/python) and binaries point at paths the runtime lacks, and the image carries two interpreters. Build a venv with the runtime\'s own interpreter (debian:<n>-slim + python3-venv) and copy the venv; for Node copy node_modules and the app, and run /nodejs/bin/node.',
      rule: new NoForeignInterpreter(),
    });
    this.addRule({
      id: 'LUCID-PATH3',
      level: ComplianceLevel.ERROR,
      info: 'JAVA_HOME and other Java paths do not name a CPU architecture.',
      explanation: '/usr/lib/jvm/java-17-openjdk-amd64 does not exist on arm64, which Lucid targets. Use /usr/bin/java (distroless java images) or a jlink runtime at an architecture-neutral path (JavaBase puts it at /opt/jre).',
      rule: new JavaHomePortable(),
    });
    this.addRule({
      id: 'LUCID-PATH4',
      level: ComplianceLevel.ERROR,
      info: 'The program ENTRYPOINT (or CMD) starts exists in the runtime image.',
      explanation: 'An exec-form entrypoint is not looked up in a shell: the path must exist in the image. Distroless Node is /nodejs/bin/node, Python /usr/bin/python3.<minor>, Java /usr/bin/java; use the runtime family\'s interpreter, or a path the Dockerfile copies in.',
      rule: new EntrypointExists(),
    });
    this.addRule({
      id: 'LUCID-LYR1',
      level: ComplianceLevel.ERROR,
      info: 'A service depends only on services of its own or a lower layer.',
      explanation: 'Lucid\'s layers (0 core support, 1 session pipeline, 2 service integration, 3 advanced) build on each other; a dependency on a higher layer inverts the architecture and can create start-up cycles. Move the shared function down a layer, or move the service up.',
      rule: new LayerDirection(),
    });
    this.addRule({
      id: 'LUCID-CMP1',
      level: ComplianceLevel.ERROR,
      info: 'Every service of a compose file runs as a non-root user.',
      explanation: 'A container without user runs as its image\'s user, and root in a container is root on the kernel\'s attack surface. Set user: "65532:65532" (distroless\'s nonroot; every LucidService has it), or the non-root uid the image runs as.',
      rule: new ComposeNonRoot(),
    });
    this.addRule({
      id: 'LUCID-CMP2',
      level: ComplianceLevel.ERROR,
      info: 'Every service of a compose file has a read-only root filesystem, with tmpfs mounts at absolute paths for what it writes.',
      explanation: 'A writable root lets an intruder change the program and its libraries. Set read_only: true and declare the paths the service writes as tmpfs (a LucidService has /tmp).',
      rule: new ComposeReadOnlyRoot(),
    });
    this.addRule({
      id: 'LUCID-CMP3',
      level: ComplianceLevel.ERROR,
      info: 'Every service of a compose file drops all capabilities, adds none back, and sets no-new-privileges.',
      explanation: 'Docker\'s default capabilities (chown, setuid, net_raw, ...) are more than a service needs, and a setuid program could raise them. Set cap_drop: [ALL], no cap_add, and security_opt: ["no-new-privileges:true"].',
      rule: new ComposeCapabilitiesDropped(),
    });
    this.addRule({
      id: 'LUCID-CMP4',
      level: ComplianceLevel.ERROR,
      info: 'No service of a compose file is privileged or shares the host\'s network, PID or IPC namespace.',
      explanation: 'privileged and the host\'s namespaces remove the container\'s isolation. Remove them; a development override that needs one keeps it with a suppression that says why.',
      rule: new ComposeHostIsolation(),
    });
    this.addRule({
      id: 'LUCID-CMP5',
      level: ComplianceLevel.ERROR,
      info: 'No service of a compose file gets a secret in its environment.',
      explanation: 'environment values are printed by docker inspect and kept in the compose file. Give secrets as compose secrets (files at /run/secrets/<name>) and tell the service where with <NAME>_FILE; ServiceSecret.file() does both.',
      rule: new ComposeNoSecretInEnvironment(),
    });
    this.addRule({
      id: 'LUCID-CMP6',
      level: ComplianceLevel.ERROR,
      info: 'Every port a compose file publishes is bound to an explicit host address.',
      explanation: 'A port published without an address listens on every interface of the host, and Docker\'s iptables rules bypass the host\'s firewall. Bind it: "127.0.0.1:8080:8080", or host_ip (ComposeOptions.publishAddress).',
      rule: new ComposePortsBound(),
    });
    this.addRule({
      id: 'LUCID-WF1',
      level: ComplianceLevel.ERROR,
      info: 'Every action and reusable workflow a workflow uses is pinned to a full commit SHA.',
      explanation: 'A tag can be moved to other code after review. Pin uses: to the 40-character commit of the release with the tag in a comment, and let a bot keep it current.',
      rule: new WorkflowActionsPinned(),
    });
    this.addRule({
      id: 'LUCID-WF2',
      level: ComplianceLevel.ERROR,
      info: 'A workflow grants least privilege: read-only top-level permissions, and write scopes only on jobs that push.',
      explanation: 'Without top-level permissions the token gets the repository\'s default, often write-all; a write scope on a job that does not push serves only an attacker. Set permissions: { contents: read } at the top, and packages: write on the jobs that push.',
      rule: new WorkflowLeastPrivilege(),
    });
    this.addRule({
      id: 'LUCID-WF3',
      level: ComplianceLevel.ERROR,
      info: 'No run: script of a workflow holds a ${{ }} expression.',
      explanation: 'GitHub pastes an expression\'s value into the script before the shell reads it, so a branch name or a pull request title can run commands. Pass the value through the step\'s env and use the quoted variable.',
      rule: new WorkflowNoExpressionInRun(),
    });
    this.addRule({
      id: 'LUCID-WF4',
      level: ComplianceLevel.ERROR,
      info: 'A workflow on pull_request_target never checks out the pull request\'s code.',
      explanation: 'pull_request_target runs with the base repository\'s secrets and a write token: checking out the pull request\'s head runs a stranger\'s code with them. Build pull requests on pull_request.',
      rule: new WorkflowNoUntrustedCheckout(),
    });
    this.addRule({
      id: 'LUCID-WF5',
      level: ComplianceLevel.ERROR,
      info: 'Every checkout step of a workflow sets persist-credentials: false.',
      explanation: 'actions/checkout otherwise leaves the token in .git/config for every later step to read. Add with: { persist-credentials: false }.',
      rule: new WorkflowCheckoutWithoutCredentials(),
    });
    this.addRule({
      id: 'LUCID-WF6',
      level: ComplianceLevel.ERROR,
      info: 'A workflow gives secrets only to the steps that use them.',
      explanation: 'A secret in the workflow\'s or a job\'s env is readable by every step of the job, third-party actions included. Move it to the env or with of the step that uses it.',
      rule: new WorkflowSecretsInSteps(),
    });
    this.addRule({
      id: 'LUCID-WF7',
      level: ComplianceLevel.ERROR,
      info: 'Every job of a workflow sets timeout-minutes.',
      explanation: 'GitHub\'s default timeout is 6 hours, which a hung build spends in full. Set timeout-minutes on every job.',
      rule: new WorkflowJobTimeouts(),
    });
  }
}
