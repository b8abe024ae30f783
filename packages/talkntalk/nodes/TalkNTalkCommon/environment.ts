/**
 * Where TalkNTalk is and what its credentials are called, in one place for the nodes and the
 * credentials. TalkNTalk has one environment: no sandbox host, no test keys.
 */
export const TALKNTALK_API_URL = 'https://api.talkntalk.africa/v1';

export const CREDENTIAL_NAME = 'talkNTalkApi';

export const WEBHOOK_CREDENTIAL_NAME = 'talkNTalkWebhookApi';
