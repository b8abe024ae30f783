/**
 * Where TalkNTalk is and what its credentials are called, in one place for the nodes and the
 * credentials. TalkNTalk has one environment: no sandbox host, no test keys.
 */
/** The provider's name as errors and summaries say it (e.g. "Nothing was sent to TalkNTalk."). */
export const PROVIDER = 'TalkNTalk';

export const TALKNTALK_API_URL = 'https://api.talkntalk.africa/v1';

export const CREDENTIAL_NAME = 'talkNTalkApi';

export const WEBHOOK_CREDENTIAL_NAME = 'talkNTalkWebhookApi';
