/**
 * The floor for start-up: a bare Node HTTP server that opens the same PGlite directory, runs one query and
 * answers /readyz. Practica's start-up is reported as a ratio to this, measured in the same run.
 */
import http from 'node:http';
import { PGlite } from '@electric-sql/pglite';

async function main(): Promise<void> {
  const db = await PGlite.create(process.env.PGLITE_DATA_DIR ?? 'memory://');
  await db.query('select 1');
  const server = http.createServer((_request, response) => response.end('{"status":"ready"}'));
  server.listen(Number(process.env.PORT), '127.0.0.1');
  process.on('SIGTERM', () => {
    server.close();
    void db.close().then(() => process.exit(0));
  });
}

void main();
