import { updateDisplayOptions } from 'n8n-workflow';
import { phoneNumberField, textField } from '../../shared/fields';

export const uploadMediaDescription = updateDisplayOptions({ show: { resource: ['voice'], operation: ['uploadMedia'] } }, [
	phoneNumberField('phoneNumber', 'Phone Number', 'The Africa\'s Talking voice number the media is for.'),
	textField('url', 'Media URL', 'Public HTTPS URL of the audio file (e.g. MP3 or WAV) to cache for Play, hold music or ringback tones', {
		required: true,
		placeholder: 'https://example.com/greeting.mp3',
	}),
]);
