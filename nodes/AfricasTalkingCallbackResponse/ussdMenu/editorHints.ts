import type { NodeHint } from 'n8n-workflow';

/**
 * What the editor can tell before the node runs: n8n evaluates a hint's display condition on the
 * node's parameters while the user edits them. The condition mirrors the checks of schema.ts that
 * need no run (screen IDs and the IDs that lead to them, and a menu with no screens yet, as a new
 * node has); values given as expressions are left to the run, which names the exact screen and field.
 */
const BROKEN_MENU_CONDITION = `={{ (() => {
	if ($parameter.answer !== 'ussd' || $parameter.ussdType !== 'menu' || $parameter.menuDefinition === 'json') return false;
	const screens = (($parameter.menuScreens || {}).screen || []);
	if (screens.length === 0) return true;
	const text = (value) => (value === undefined || value === null ? '' : String(value)).trim();
	const dynamic = (value) => typeof value === 'string' && value.startsWith('=');
	const ids = screens.map((screen) => text(screen.id));
	if (ids.some((id, index) => id === '' || ids.indexOf(id) !== index)) return true;
	const missing = (value) => !dynamic(value) && !ids.includes(text(value));
	if (missing($parameter.menuStart)) return true;
	return screens.some((screen) => {
		const kind = text(screen.type) || 'menu';
		if (kind === 'input') return missing(screen.next);
		if (kind !== 'menu') return false;
		const options = ((screen.options || {}).option || []);
		const listed = screen.optionList !== undefined && text(screen.optionList) !== '';
		return options.some((option) => missing(option.next)) || (listed && missing(screen.optionListNext));
	});
})() }}`;

export const ussdMenuHints: NodeHint[] = [
	{
		message:
			'This menu cannot work yet: it has no screens, or a Start Screen ID, Next Screen ID or List Options Lead To is empty or names no screen, or a Screen ID is empty or used twice. Every caller would get the Fallback Message and the execution would fail. Run the node to see which screen and field.',
		type: 'danger',
		location: 'ndv',
		whenToDisplay: 'beforeExecution',
		displayCondition: BROKEN_MENU_CONDITION,
	},
];
