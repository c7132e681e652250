import { ConfigError, readConfig, type Config } from '../server/config.ts';

/** The checked settings for a command; a wrong one ends it with the variables named, before any work. */
export function settingsOrExit(): Config {
  try {
    return readConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}
