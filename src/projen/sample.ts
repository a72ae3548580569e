import type { LucidApp } from '../app/lucid-app';
import { Layer } from '../service/layer';
import { LucidService } from '../service/lucid-service';
import { Plane } from '../service/plane';
import { ServiceRuntime } from '../service/service-runtime';

// The example a new service repository starts from. The same service is written out as `src/stack.ts` (which
// `.projenrc.ts` calls on every later run) and built here for the synthesis that `projen new` makes before that
// file exists, so the files it writes are the ones the first `npx projen` writes.

/** The example service's construct id, folder and port. @internal */
export const SAMPLE = {
  id: 'hello',
  directory: 'services/hello',
  port: 8080,
  description: 'An example service: answers GET /health',
} as const;

/** Adds the example service to `app`. @internal */
export function addSampleService(app: LucidApp): void {
  new LucidService(app, SAMPLE.id, {
    plane: Plane.OPS,
    layer: Layer.CORE_SUPPORT,
    description: SAMPLE.description,
    directory: SAMPLE.directory,
    port: SAMPLE.port,
    runtime: ServiceRuntime.python({ requirements: 'requirements.txt' }),
  });
}

/** `src/stack.ts` of a new repository: the service `addSampleService` adds, as code the user edits. @internal */
export const SAMPLE_STACK_TS = `import { Layer, LucidApp, LucidService, Plane, ServiceRuntime } from 'lucid-cdk';

/**
 * This repository's images and services. \`.projenrc.ts\` calls it on every \`npx projen\`, which writes their
 * Dockerfiles, docker-bake.hcl, docker-compose.yml, structure tests and .github/workflows/images.yml; the tests
 * in test/ call it to check what it synthesizes.
 */
export function defineStack(app: LucidApp): void {
  new LucidService(app, '${SAMPLE.id}', {
    plane: Plane.OPS,
    layer: Layer.CORE_SUPPORT,
    description: '${SAMPLE.description}',
    directory: '${SAMPLE.directory}', // the build context: app/main.py and requirements.txt
    port: ${SAMPLE.port},
    runtime: ServiceRuntime.python({ requirements: 'requirements.txt' }),
  });
}
`;

/** `test/stack.test.ts` of a new repository. @internal */
export const SAMPLE_TEST_TS = `import { Testing } from 'lucid-cdk';
import { defineStack } from '../src/stack';

// Removes the folders the apps of this file were synthesized into.
afterAll(() => Testing.cleanup());

test('the stack synthesizes a hardened image for every service', () => {
  // GIVEN
  const app = Testing.app();
  defineStack(app);

  // WHEN
  const files = Testing.synth(app);

  // THEN
  expect(files['${SAMPLE.directory}/Dockerfile']).toContain('USER 65532:65532');
  expect(files['docker-compose.yml']).toContain('read_only: true');
  expect(files).toMatchSnapshot();
});
`;

/** The example service's app: a health endpoint, Python standard library only. @internal */
export const SAMPLE_MAIN_PY = `"""An example Lucid service: standard library only, so it builds without a package index.

Serves on 0.0.0.0:$PORT (default ${SAMPLE.port}):
  GET /health  -> 200 {"status": "ok"}
Stops at once on SIGTERM and SIGINT.
"""

import json
import os
import signal
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        status, body = (200, {"status": "ok"}) if self.path == "/health" else (404, {"error": "not found"})
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, fmt, *args):
        pass


def main():
    server = ThreadingHTTPServer(("0.0.0.0", int(os.environ.get("PORT", "${SAMPLE.port}"))), Handler)
    server.daemon_threads = True
    stop = threading.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda signum, frame: stop.set())
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True).start()
    stop.wait()
    server.shutdown()


if __name__ == "__main__":
    main()
`;

/** The example service's requirements file. @internal */
export const SAMPLE_REQUIREMENTS = `# Third-party packages of the service, pinned with their hashes (pip --require-hashes), e.g.
#   fastapi==0.115.6 --hash=sha256:...
`;
