import type { DeviceRecord } from './accounts.js';
import { Connection, type SandboxServer } from './server.js';

export type Fault =
	| { type: 'stream-error'; code: number }
	| { type: 'drop' }
	| { type: 'silence'; ms: number }
	| { type: 'iq-error'; xmlns: string; code: number; times?: number };

/** Applies a fault to every connected device matching `target` (a phone, a user jid or a device jid). */
export const injectFault = (server: SandboxServer, target: string, fault: Fault): void => {
	const devices = server.devicesOf(target);
	if (!devices.length) throw new Error(`no such device: ${target}`);
	for (const device of devices) applyFault(server, device, fault);
};

const applyFault = (server: SandboxServer, device: DeviceRecord, fault: Fault): void => {
	if (fault.type === 'iq-error') {
		server.iqFaults.push({ device, xmlns: fault.xmlns, code: fault.code, times: fault.times ?? 1 });
		return;
	}
	const conn = device.link instanceof Connection ? device.link : undefined;
	if (!conn) return;
	switch (fault.type) {
		case 'stream-error':
			if (fault.code === 401) {
				// logged out: the device is gone, so a later login with the same creds fails too
				server.registry.removeDevice(device);
				delete device.link;
				conn.streamError(401, { tag: 'conflict', attrs: { type: 'device_removed' } });
			} else if (fault.code === 440) conn.streamError(440, { tag: 'conflict', attrs: { type: 'replaced' } });
			else conn.streamError(fault.code);
			return;
		case 'drop':
			conn.drop();
			return;
		case 'silence':
			conn.silencedUntil = Date.now() + fault.ms;
			return;
	}
};
