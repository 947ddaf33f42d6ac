import { ConfigError, loadConfig } from './platform/config.js';
import { systemContext } from './platform/context.js';
import { openDatabase } from './platform/db/open.js';
import { buildLegamiApp } from './app.js';
import { isDatabaseEmpty, seedDemo } from './modules/demo/demo.seed.js';
import { jobDefinitions } from './modules/jobs.js';
import { scheduleCaseReminders } from './modules/cases/index.js';
import { scheduleLoanReminders } from './modules/goods/index.js';
import { scheduleSummaryFold } from './modules/requests/index.js';
import { logChannel, smtpChannel } from './modules/notifications/index.js';
import { startJobRunner } from './platform/jobs/jobs.js';

/** Starts Legami: configuration, database and migrations, demo data on an empty database, HTTP. */
async function main(): Promise<void> {
  const config = loadConfig();
  const settings = {
    production: config.production,
    sessionTtlHours: config.sessionTtlHours,
    geocoderUrl: config.geocoderUrl ?? null,
    mapTilesUrl: config.mapTilesUrl ?? null,
    mapTilesAttribution: config.mapTilesAttribution ?? null,
    demo: config.seedDemo,
    helpline: config.helpline ?? null,
    contactEmail: config.contactEmail ?? null,
    oidc: config.oidc ?? null,
  };
  // The pool reports idle connections that the server dropped; the logger exists once the app does.
  const logger: { current?: { warn: (details: object, message: string) => void } } = {};
  const onIdleError = (error: Error) =>
    logger.current?.warn({ err: { type: error.name } }, 'database connection lost; the pool will reconnect');
  const database = await openDatabase(config, onIdleError).catch((error: unknown) => {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ConfigError(
      `cannot open the database (${config.databaseUrl ? 'DATABASE_URL' : config.dataDir}): ${reason}`,
    );
  });
  const app = await buildLegamiApp({
    database,
    settings,
    logLevel: config.logLevel,
    webDistDir: config.webDistDir,
    trustProxy: config.trustProxy,
  });
  logger.current = app.log;
  if (config.seedDemo && (await isDatabaseEmpty(systemContext(database, app.log, settings)))) {
    app.log.info('empty database: seeding demo data of the province of Cremona');
    await seedDemo(systemContext(database, app.log, settings));
  }
  // Every instance runs the queue: notifications, imports, round plans. A job interrupted by a
  // restart is found by its lapsed lease and runs again here or on another instance.
  const jobs = startJobRunner(
    database,
    jobDefinitions({ channel: config.smtpUrl ? smtpChannel(config.smtpUrl) : logChannel(app.log) }),
    { log: app.log, settings },
  );
  await scheduleCaseReminders(database);
  await scheduleLoanReminders(database);
  await scheduleSummaryFold(database);
  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    // Stop taking requests, let the ones in flight finish, then close the database cleanly.
    void app
      .close()
      .then(() => jobs.stop())
      .then(() => database.close())
      .then(() => process.exit(0));
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
  app.log.info(`Legami is ready on http://localhost:${config.port} (database: ${database.kind})`);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(`Legami cannot start: ${error.message}`);
  } else {
    console.error('Legami cannot start:', error instanceof Error ? error.stack : error);
  }
  process.exit(1);
});
