import type { IAuthenticateGeneric, ICredentialTestRequest, ICredentialType, INodeProperties, Icon } from 'n8n-workflow';
import { TALKNTALK_API_URL } from '../nodes/TalkNTalkCommon/environment';

export class TalkNTalkApi implements ICredentialType {
	name = 'talkNTalkApi';

	displayName = 'TalkNTalk API';

	icon: Icon = { light: 'file:../icons/talkntalk.svg', dark: 'file:../icons/talkntalk.dark.svg' };

	documentationUrl = 'https://developers.talkntalk.africa/authentication/api-keys';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			placeholder: 'tk_live_…',
			description:
				"Your organisation's API key from the TalkNTalk dashboard (Settings → API Keys). Each organisation has one active key; regenerating it stops the old one at once. TalkNTalk has no sandbox: use a separate organisation for testing.",
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: { headers: { Authorization: '=Bearer {{$credentials.apiKey}}' } },
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: TALKNTALK_API_URL,
			url: '/',
			// Read TalkNTalk's answer instead of failing on the status, so its `detail` is shown.
			ignoreHttpStatusErrors: true,
		},
		rules: [
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'detail',
					value: 'Invalid or revoked API key.',
					message:
						'TalkNTalk: Invalid or revoked API key. Copy the active key of your organisation again (a regenerated key replaces the old one at once).',
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'detail',
					value: 'Authentication credentials were not provided.',
					message: 'TalkNTalk: Authentication credentials were not provided. Enter the API key.',
				},
			},
			{
				// Anything but the organisation answer (403, 5xx, a proxy page) is a failure too.
				type: 'responseSuccessBody',
				properties: {
					key: 'organisation',
					value: undefined,
					message: 'TalkNTalk did not accept the API key or is unreachable: the answer carried no organisation.',
				},
			},
		],
	};
}
