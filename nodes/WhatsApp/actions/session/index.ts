import type { INodeProperties } from 'n8n-workflow';

import * as refreshSession from './refreshSession.operation';
import * as listAppDevices from './listAppDevices.operation';
import * as connect from './connect.operation';
import * as disconnect from './disconnect.operation';
import * as getQrCode from './getQrCode.operation';
import * as getSessionStatus from './getSessionStatus.operation';
import * as loginWithPairingCode from './loginWithPairingCode.operation';
import * as logout from './logout.operation';
import * as reconnect from './reconnect.operation';

export { connect, disconnect, getQrCode, getSessionStatus, listAppDevices, loginWithPairingCode, logout, reconnect, refreshSession };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['session'] } },
		options: [
			{
				name: 'Connect',
				value: 'connect',
				description: 'Connect the session to WhatsApp (starts QR pairing when not linked yet)',
				action: 'Connect a session',
			},
			{
				name: 'Disconnect',
				value: 'disconnect',
				description: 'Close the connection and keep the credentials',
				action: 'Disconnect a session',
			},
			{
				name: 'Get QR Code',
				value: 'getQrCode',
				description: 'Get the current pairing QR code as JSON or as an image',
				action: 'Get the QR code of a session',
			},
			{
				name: 'Get Status',
				value: 'getSessionStatus',
				description: 'Get the connection state, with the reason when it is not connected',
				action: 'Get the status of a session',
			},
			{
				name: 'List Linked Devices',
				value: 'listAppDevices',
				description: 'The WhatsApp devices linked through this engine',
				action: 'List linked devices',
			},
			{
				name: 'Log Out',
				value: 'logout',
				description: 'Unlink the device from the phone and wipe its credentials',
				action: 'Log out a session',
			},
			{
				name: 'Login With Pairing Code',
				value: 'loginWithPairingCode',
				description: 'Link the session by typing a code on the phone instead of scanning a QR code',
				action: 'Login with pairing code',
			},
			{
				name: 'Reconnect',
				value: 'reconnect',
				description: 'Drop the connection and open a new one with the stored credentials',
				action: 'Reconnect a session',
			},
			{
				name: 'Refresh',
				value: 'refreshSession',
				description: 'Reconnect and repair: resync app state, top up pre-keys, refresh privacy settings',
				action: 'Refresh a session',
			},
		],
		default: 'getSessionStatus',
	},
	...connect.description,
	...disconnect.description,
	...getQrCode.description,
	...getSessionStatus.description,
	...loginWithPairingCode.description,
	...logout.description,
	...reconnect.description,
	...listAppDevices.description,
	...refreshSession.description,
];
