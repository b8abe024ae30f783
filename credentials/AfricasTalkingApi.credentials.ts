import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

/** The username AT gives every sandbox app; live apps never have it. */
const SANDBOX_USERNAME = 'sandbox';

/**
 * The username to send for these credentials. In the sandbox it is always `sandbox`, so the
 * field is hidden there; a live credential that says `sandbox` is the classic mix-up, refused
 * here with the exact change to make.
 */
export function africasTalkingUsername(credentials: ICredentialDataDecryptedObject): string {
	if (credentials.environment === 'sandbox') return SANDBOX_USERNAME;
	const username = String(credentials.username ?? '').trim();
	if (!username) {
		throw new Error(
			"The Africa's Talking credential has no username. Enter your live app's username, or set Environment to Sandbox.",
		);
	}
	if (username.toLowerCase() === SANDBOX_USERNAME) {
		throw new Error(
			"The Africa's Talking credential says Environment: Live but Username: sandbox. 'sandbox' is the sandbox app's username: set Environment to Sandbox (with an API key from the sandbox app), or enter your live app's username.",
		);
	}
	return username;
}

export class AfricasTalkingApi implements ICredentialType {
	name = 'africasTalkingApi';

	displayName = "Africa's Talking API";

	icon: Icon = { light: 'file:../icons/africastalking.svg', dark: 'file:../icons/africastalking.dark.svg' };

	documentationUrl = 'https://developers.africastalking.com/docs/authentication';

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
	// before any request, with the fix in the message, for the node and for "Test credential" alike.
	authenticate = async (
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> => {
		africasTalkingUsername(credentials);
		return {
			...requestOptions,
			headers: {
				...requestOptions.headers,
				apiKey: String(credentials.apiKey ?? ''),
				Accept: 'application/json',
			},
		};
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL:
				'={{$credentials.environment === "sandbox" ? "https://api.sandbox.africastalking.com" : "https://api.africastalking.com"}}',
			url: '/version1/user',
			qs: { username: '={{$credentials.environment === "sandbox" ? "sandbox" : $credentials.username}}' },
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
