import type { Db } from './db.js';

/** Small engine-wide facts (the admin key's hash, ...) as key/value rows. */
export class MetaRepository {
	private readonly statements;

	constructor(db: Db) {
		this.statements = {
			get: db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?'),
			set: db.prepare(
				'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
			),
		};
	}

	get(key: string): string | undefined {
		return this.statements.get.get(key)?.value;
	}

	set(key: string, value: string): void {
		this.statements.set.run(key, value);
	}
}
