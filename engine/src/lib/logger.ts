import { pino, type Logger, type LevelWithSilent } from 'pino';

export type { Logger };

/**
 * Structured JSON logs on stderr (stdout stays free for the banner a user reads). Message bodies and phone
 * numbers are only ever logged at debug level or below.
 */
export function createLogger(level: LevelWithSilent): Logger {
	return pino({ level, base: undefined }, pino.destination(2));
}
