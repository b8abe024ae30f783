import type { IDataObject } from 'n8n-workflow';

/**
 * The SIM swap result AT posts after Insights → Check SIM Swap: `status`, `lastSimSwapDate`
 * (DD-MM-YYYY), `requestId` (the check's), `transactionId`, `providerRefId`.
 */

/** The date AT sends when the operator has no swap on record. */
const NO_SWAP_DATE = '01-01-1900';

const SIM_SWAP_STATUS: Record<string, string> = {
	Swapped: 'The SIM was swapped: treat the number as at risk (see lastSimSwapDate)',
	NotSwapped: 'No SIM swap on record for this number',
	Failed: 'The check failed: no result for this number',
	Error: 'The check failed: no result for this number',
};

/** `DD-MM-YYYY` as `YYYY-MM-DD`, or undefined when it is not a real calendar date in that form. */
export function isoDate(value: unknown): string | undefined {
	const match = /^(\d{2})-(\d{2})-(\d{4})$/.exec(String(value ?? '').trim());
	if (!match) return undefined;
	const [, day, month, year] = match;
	const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
	if (date.getUTCFullYear() !== Number(year) || date.getUTCMonth() !== Number(month) - 1 || date.getUTCDate() !== Number(day)) return undefined;
	return `${year}-${month}-${day}`;
}

/** The result's clean fields. An unknown status is passed on as sent, with `swapped` left out and a description saying so. */
export function simSwapResult(body: IDataObject): IDataObject {
	const given = body.status === undefined || body.status === null ? '' : String(body.status).trim();
	// Another casing of a known status is that status, as AT means it.
	const status = Object.keys(SIM_SWAP_STATUS).find((known) => known.toLowerCase() === given.toLowerCase()) ?? given;
	const raw = body.lastSimSwapDate === undefined || body.lastSimSwapDate === null ? undefined : String(body.lastSimSwapDate).trim();
	const neverSwapped = raw === NO_SWAP_DATE;
	const known = Object.prototype.hasOwnProperty.call(SIM_SWAP_STATUS, status);
	return {
		requestId: String(body.requestId),
		status,
		statusDescription: known ? SIM_SWAP_STATUS[status] : `Status "${status}" is not one Africa's Talking documents: passed on as sent`,
		swapped: status === 'Swapped' ? true : status === 'NotSwapped' ? false : undefined,
		lastSimSwapDate: raw,
		lastSimSwapDateIso: neverSwapped ? undefined : isoDate(raw),
		neverSwapped: raw === undefined ? undefined : neverSwapped,
		lastSimSwapDescription: neverSwapped
			? `Never swapped: the operator has no swap on record (Africa's Talking sends ${NO_SWAP_DATE})`
			: raw !== undefined && isoDate(raw) === undefined
				? `Unreadable date "${raw}": passed on as sent`
				: undefined,
		transactionId: body.transactionId === undefined || body.transactionId === null ? undefined : String(body.transactionId),
		providerRefId: body.providerRefId === undefined || body.providerRefId === null ? undefined : String(body.providerRefId),
	};
}
