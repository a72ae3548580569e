'use strict';
// Lucid admin UI (reference app of lucid-cdk): the administrators' web interface. node:http only.
//
// Serves on 0.0.0.0:$SERVICE_PORT (default 8083):
//   GET /health  -> 200 {"status":"ok"}
//   GET /        -> 200 the service's description, and which of its settings are present
// Exits cleanly, and at once, on SIGTERM and SIGINT (as PID 1 too, where Node has no default handlers).

const http = require('node:http');

const SERVICE = 'admin-ui';
const VERSION = '0.1.0';
const SETTINGS = ['SERVICE_DISCOVERY_URL'];
const port = Number.parseInt(process.env.SERVICE_PORT || process.env.PORT || '8083', 10);
const startedAt = new Date().toISOString();

function reply(res, status, body) {
  const data = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(data),
  });
  res.end(data);
}

const server = http.createServer((req, res) => {
  const path = new URL(req.url ?? '/', 'http://localhost').pathname;
  if (req.method !== 'GET') {
    reply(res, 405, { error: 'method not allowed' });
  } else if (path === '/health') {
    reply(res, 200, { status: 'ok' });
  } else if (path === '/') {
    reply(res, 200, {
      service: SERVICE, version: VERSION, startedAt, node: process.version,
      settings: Object.fromEntries(SETTINGS.map((k) => [k, process.env[k] ? 'set' : 'unset'])),
    });
  } else {
    reply(res, 404, { error: 'not found', path });
  }
});

function stop(signal) {
  server.close(() => {
    console.log(`${SERVICE} stopped (${signal})`);
    process.exit(0);
  });
  server.closeAllConnections();
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);

server.listen(port, '0.0.0.0', () => {
  console.log(`${SERVICE} listening on 0.0.0.0:${port}`);
});
