import type { ICredentialType, INodeProperties, Icon } from 'n8n-workflow';

/**
 * The signing secret of a TalkNTalk webhook endpoint. A credential rather than a node setting:
 * n8n encrypts credentials and never stores them with an execution's workflow data.
 */
export class TalkNTalkWebhookApi implements ICredentialType {
	name = 'talkNTalkWebhookApi';

	displayName = 'TalkNTalk Webhook API';

	icon: Icon = { light: 'file:../icons/talkntalk.svg', dark: 'file:../icons/talkntalk.dark.svg' };

	documentationUrl = 'https://developers.talkntalk.africa/webhooks/overview';

	properties: INodeProperties[] = [
		{
			displayName: 'Signing Secret',
			name: 'signingSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'The signing secret you set on this endpoint in the TalkNTalk dashboard (Webhooks → Endpoints). Requests whose X-TalkNTalk-Signature is not a valid HMAC-SHA256 of the body with this secret are refused with 401.',
		},
	];
}
