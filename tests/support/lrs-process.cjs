// A real LRS for tests and benchmarks: Learning Locker's xAPI statement service (npm `xapi-statements`)
// with its in-memory statement repository, listening on 127.0.0.1, behind credentials this script checks.
//
// xapi-statements asks an HTTP endpoint for the client behind each request's Authorization header (its
// `fetch` auth repository). This script serves that endpoint and an OAuth 2.0 client-credentials token
// endpoint, so both Basic and bearer authentication are checked for real: wrong credentials get 401.
//
// Environment: LRS_USERNAME, LRS_PASSWORD (Basic), LRS_CLIENT_ID, LRS_CLIENT_SECRET (OAuth 2.0),
// LRS_TOKEN_TTL_SECONDS, LRS_STORAGE_DIR (attachments and access logs). Prints one line when ready:
//   LRS ready endpoint=http://127.0.0.1:PORT/xAPI/ token=http://127.0.0.1:PORT/oauth/token
'use strict';
/* eslint-disable @typescript-eslint/no-require-imports -- a plain CommonJS script, run by node without a build */
/* global fetch, setTimeout, URLSearchParams */
const http = require('node:http');
const net = require('node:net');
const crypto = require('node:crypto');
const path = require('node:path');

const username = process.env.LRS_USERNAME ?? 'practica';
const password = process.env.LRS_PASSWORD ?? 'practica-secret';
const clientId = process.env.LRS_CLIENT_ID ?? 'practica-client';
const clientSecret = process.env.LRS_CLIENT_SECRET ?? 'practica-client-secret';
const tokenTtlSeconds = Number(process.env.LRS_TOKEN_TTL_SECONDS ?? 3600);
const storageDir = process.env.LRS_STORAGE_DIR ?? path.join(require('node:os').tmpdir(), 'practica-lrs');

/** Issued bearer tokens and when they expire (ms since epoch). */
const tokens = new Map();
let tokensIssued = 0;

const client = {
  _id: '58fe13e34effd3c26a7fc4b7',
  title: 'Practica',
  authority: { objectType: 'Agent', mbox: 'mailto:practica@example.org' },
  isTrusted: true,
  lrs_id: '58fe13e34effd3c26a7fc4b7',
  organisation: '58fe13e34effd3c26a7fc4b6',
  scopes: ['all'],
};

function isAuthorized(header) {
  if (!header) return false;
  const [scheme, value] = header.split(' ');
  if (scheme === 'Basic') {
    return Buffer.from(value ?? '', 'base64').toString() === `${username}:${password}`;
  }
  if (scheme === 'Bearer') {
    const expiresAt = tokens.get(value);
    return expiresAt !== undefined && expiresAt > Date.now();
  }
  return false;
}

function readBody(request) {
  return new Promise((resolve, reject) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => resolve(body));
    request.on('error', reject);
  });
}

async function issueToken(request, response) {
  const form = new URLSearchParams(await readBody(request));
  let id = form.get('client_id');
  let secret = form.get('client_secret');
  const basic = request.headers.authorization;
  if (basic?.startsWith('Basic ')) {
    [id, secret] = Buffer.from(basic.slice(6), 'base64').toString().split(':');
  }
  response.setHeader('Content-Type', 'application/json');
  if (form.get('grant_type') !== 'client_credentials') {
    response.writeHead(400).end(JSON.stringify({ error: 'unsupported_grant_type' }));
    return;
  }
  if (id !== clientId || secret !== clientSecret) {
    response.writeHead(401).end(JSON.stringify({ error: 'invalid_client' }));
    return;
  }
  const token = crypto.randomBytes(24).toString('hex');
  tokens.set(token, Date.now() + tokenTtlSeconds * 1000);
  tokensIssued += 1;
  response
    .writeHead(200)
    .end(JSON.stringify({ access_token: token, token_type: 'Bearer', expires_in: tokenTtlSeconds }));
}

const authServer = http.createServer((request, response) => {
  if (request.method === 'POST' && request.url === '/oauth/token') {
    issueToken(request, response).catch(() => response.writeHead(500).end());
    return;
  }
  if (request.url === '/oauth/stats') {
    response.setHeader('Content-Type', 'application/json');
    response.writeHead(200).end(JSON.stringify({ tokensIssued }));
    return;
  }
  if (request.url === '/auth') {
    // xapi-statements turns 404 here into "no such client", which it answers with 401.
    if (!isAuthorized(request.headers.authorization)) {
      response.writeHead(404).end();
      return;
    }
    response.setHeader('Content-Type', 'application/json');
    response.writeHead(200).end(JSON.stringify(client));
    return;
  }
  response.writeHead(404).end();
});

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

async function waitForAbout(port) {
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/xAPI/about`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error('the LRS did not start within 30 s');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function main() {
  await new Promise((resolve) => authServer.listen(0, '127.0.0.1', resolve));
  const authPort = authServer.address().port;
  const lrsPort = Number(process.env.LRS_PORT) || (await freePort());

  Object.assign(process.env, {
    EXPRESS_PORT: String(lrsPort),
    LL_CLIENT_INFO_ENDPOINT: `http://127.0.0.1:${authPort}/auth`,
    AUTH_REPO: 'fetch',
    MODELS_REPO: 'memory',
    STORAGE_REPO: 'local',
    EVENTS_REPO: 'test',
    FS_LOCAL_STORAGE_DIR: path.join(storageDir, 'attachments'),
    EXPRESS_MORGAN_DIRECTORY: path.join(storageDir, 'access-logs'),
    // Store the statement and its side effects before answering, so a 200 means stored.
    SERVICE_AWAIT_UPDATES: 'true',
    WINSTON_CONSOLE_LEVEL: process.env.LRS_LOG_LEVEL ?? 'error',
  });
  // Listen on 127.0.0.1 only (the service itself listens on every interface).
  const serviceDir = path.dirname(require.resolve('xapi-statements/package.json'));
  const express = require(require.resolve('express', { paths: [serviceDir] }));
  const listen = express.application.listen;
  express.application.listen = function (port, callback) {
    return listen.call(this, port, '127.0.0.1', callback);
  };
  // The service loads .env from the working directory; it runs from the storage directory, which has none.
  require('node:fs').mkdirSync(storageDir, { recursive: true });
  process.chdir(storageDir);
  require('xapi-statements/dist/server');
  await waitForAbout(lrsPort);
  process.stdout.write(
    `LRS ready endpoint=http://127.0.0.1:${lrsPort}/xAPI/ token=http://127.0.0.1:${authPort}/oauth/token\n`,
  );
}

main().catch((error) => {
  process.stderr.write(`${error.stack}\n`);
  process.exit(1);
});
