import type { ICredentialType, INodeProperties, Icon } from 'n8n-workflow';

/**
 * Protection for the Africa's Talking Trigger. A credential rather than node settings because n8n
 * encrypts credentials and never stores them with executions (as its Webhook node does with Header
 * Auth). No API to call: the trigger's `africasTalkingWebhookCheck` checks the values themselves.
 */
export class AfricasTalkingWebhookApi implements ICredentialType {
	name = 'africasTalkingWebhookApi';

	displayName = "Africa's Talking Webhook API";

	icon: Icon = { light: 'file:../icons/africastalking.svg', dark: 'file:../icons/africastalking.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-africastalking/n8n-nodes-africastalking/blob/main/docs/credentials.md';

	properties: INodeProperties[] = [
		{
			displayName:
				"Africa's Talking does not sign callbacks: anyone who learns the trigger's URL could post fake events. With a Secret Token, paste into AT's dashboard the trigger's Production URL followed by <code>?token=</code> and the token percent-encoded, e.g. <code>https://n8n.example.com/webhook/&lt;id&gt;/webhook?token=q8K%2BtZ%2F3vW9xLr2%3D%3D</code> for the token <code>q8K+tZ/3vW9xLr2==</code>.",
			name: 'protectionNotice',
			type: 'notice',
			default: '',
		},
		{
			displayName: 'Secret Token',
			name: 'secretToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			placeholder: 'e.g. the output of: openssl rand -hex 32',
			description:
				'Requests must carry ?token=<this token> in the URL; others get 401. At least 16 random characters. In the URL, write & as %26, % as %25, # as %23 and a space as %20; + / = may be written as they are or encoded.',
		},
		{
			displayName: 'IP Allowlist',
			name: 'ipAllowlist',
			type: 'string',
			default: '',
			placeholder: '192.0.2.0/24, 198.51.100.7',
			description:
				"Only requests from these addresses or IPv4 ranges start the workflow; others get 403. Africa's Talking publishes no ranges: take them from your logs or AT support. Behind a reverse proxy, set N8N_PROXY_HOPS.",
		},
	];
}
