import { updateDisplayOptions, type INodePropertyOptions } from 'n8n-workflow';
import { AT_BASE_URL } from '../../../AfricasTalkingCommon/environment';
import { check } from '../../shared/checks';
import { bodyToItem, requireStatus, statusWordRule } from '../../shared/responses';

/** AT answers `Success` (JSON or plain text). */
export const UPLOAD_MEDIA_RULE = statusWordRule('Voice → Upload Media');
import { operationRouting } from '../../shared/routing';
import { phoneNumberField } from '../../shared/fields';

export const option: INodePropertyOptions = {
	name: 'Upload Media',
	value: 'uploadMedia',
	action: 'Upload a media file',
	description: "Have Africa's Talking fetch and cache an audio file for a voice number",
	routing: operationRouting({
		method: 'POST',
		url: '/mediaUpload',
		baseURL: AT_BASE_URL.voice,
		encoding: 'form',
		postReceive: [requireStatus({ rule: UPLOAD_MEDIA_RULE, action: 'upload the media', output: bodyToItem })],
	}),
};

export const description = updateDisplayOptions({ show: { resource: ['voice'], operation: ['uploadMedia'] } }, [
	phoneNumberField("The Africa's Talking voice number the media is for. International format, e.g. +254711XXXYYY."),
	{
		displayName: 'Media URL',
		name: 'url',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'https://example.com/greeting.mp3',
		description: 'Public HTTPS URL of the audio file (e.g. MP3 or WAV) to cache for Play, hold music or ringback tones',
		routing: { send: { type: 'body', property: 'url', preSend: [check('httpsUrl', 'url', 'Media URL')] } },
	},
]);
