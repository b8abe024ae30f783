import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';
import { africasTalkingUsername, AT_BASE_URL, SANDBOX_API_URL, SANDBOX_USERNAME } from '../nodes/AfricasTalkingCommon/environment';

export class AfricasTalkingApi implements ICredentialType {
	name = 'africasTalkingApi';

	displayName = "Africa's Talking API";

	icon: Icon = { light: 'file:../icons/africastalking.svg', dark: 'file:../icons/africastalking.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-africastalking/n8n-nodes-africastalking/blob/main/docs/credentials.md';

	properties: INodeProperties[] = [
		{
			displayName: 'Environment',
			name: 'environment',
			type: 'options',
			options: [
				{ name: 'Live', value: 'live', description: "Your live app on account.africastalking.com: real messages, real money" },
				{ name: 'Sandbox', value: 'sandbox', description: "Africa's Talking sandbox app: simulated, free, username is always 'sandbox'" },
			],
			default: 'live',
			description: 'Which Africa\'s Talking environment these credentials belong to. Sandbox and live API keys are not interchangeable.',
		},
		{
			displayName: 'Username',
			name: 'username',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'myapp',
			description: "Your live app's username, shown on the app's page in the Africa's Talking dashboard. Not 'sandbox': for the sandbox choose Environment: Sandbox.",
			displayOptions: { show: { environment: ['live'] } },
		},
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: "Generated under Settings → API Key of the same app (live app or sandbox app) as the environment above",
		},
	];

	// A function rather than the generic form so that an environment/username mix-up fails
	// before any request, with the fix in the message, for the node and for the credential test n8n runs on save alike.
	authenticate = async (
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> => {
		africasTalkingUsername(credentials);
		return {
			...requestOptions,
			headers: { ...requestOptions.headers, apiKey: String(credentials.apiKey ?? ''), Accept: 'application/json' },
		};
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL:
				`={{$credentials.environment === "sandbox" ? "${SANDBOX_API_URL}" : "${AT_BASE_URL.api}"}}`,
			url: '/version1/user',
			qs: { username: `={{$credentials.environment === "sandbox" ? "${SANDBOX_USERNAME}" : $credentials.username}}` },
			// Read AT's answer here instead of failing on the status: AT's reason then reaches the editor.
			ignoreHttpStatusErrors: true,
		},
		rules: [
			{
				// Anything but the balance answer means AT refused the key or the username.
				type: 'responseSuccessBody',
				properties: {
					key: 'UserData',
					value: undefined,
					message:
						"Africa's Talking: The supplied authentication is invalid. Check that the API key was generated in the same app as the Environment above (sandbox keys work only with Sandbox, live keys only with Live) and, for Live, that Username is that app's username.",
				},
			},
		],
	};
}
