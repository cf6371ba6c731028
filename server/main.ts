import { ConfigError, loadConfig } from './config';
import { startPractica } from './practica';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`practica: ${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }

  const running = await startPractica(config).catch((error: unknown) => {
    process.stderr.write(
      `practica: could not start: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exit(1);
  });

  process.stdout.write(
    [
      '',
      `Practica is running (${config.devMode ? 'development mode' : 'production mode'}).`,
      `  Tab:          ${running.url}/`,
      `  Bot endpoint: ${running.url}/api/messages`,
      `  Health:       ${running.url}/healthz  ${running.url}/readyz`,
      config.devMode
        ? `  Talk to the bot: TEAMSAPPTESTER_BROWSER=none npx agentsplayground -e ${running.url}/api/messages -c msteams`
        : '',
      '',
    ].join('\n'),
  );

  let signals = 0;
  const shutdown = (signal: NodeJS.Signals) => {
    signals++;
    if (signals > 1) process.exit(1);
    process.stdout.write(`practica: ${signal} received, finishing in-flight work...\n`);
    running.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`practica: error while stopping: ${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}

void main();
