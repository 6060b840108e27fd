import type { SandboxServer } from './server.js';
import type { Router } from './routing.js';
export class Groups {
	constructor(readonly server: SandboxServer, readonly router: Router) {}
}
