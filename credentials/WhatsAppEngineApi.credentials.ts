import type { IAuthenticateGeneric, ICredentialTestRequest, ICredentialType, INodeProperties, Icon } from 'n8n-workflow';

export class WhatsAppEngineApi implements ICredentialType {
	name = 'whatsAppEngineApi';

	displayName = 'WhatsApp Engine API';

	icon: Icon = { light: 'file:whatsapp.svg', dark: 'file:whatsapp.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-whatsapp-engine/n8n-nodes-whatsapp-engine#readme';

	properties: INodeProperties[] = [
		{
			displayName: 'Engine URL',
			name: 'baseUrl',
			type: 'string',
			default: 'http://127.0.0.1:3100',
			placeholder: 'http://127.0.0.1:3100',
			description: 'Address of the WhatsApp engine, as printed when it starts',
			required: true,
		},
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'The admin key the engine printed on first start, or a session\'s own key',
			required: true,
		},
		{
			displayName: 'Default Session',
			name: 'defaultSession',
			type: 'string',
			default: '',
			description: 'Session used when a node leaves the session empty',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: { headers: { 'X-Api-Key': '={{$credentials.apiKey}}' } },
	};

	// /api/sessions needs a valid key; /health would accept any.
	test: ICredentialTestRequest = {
		request: { baseURL: '={{$credentials.baseUrl.replace(/\\/$/, "")}}', url: '/api/sessions' },
	};
}
