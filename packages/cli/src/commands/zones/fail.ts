import { defineZoneAction } from '../../lib/zone-action.js';

export const zonesFail = defineZoneAction('fail', 'mark a zone of a space as failed; its dynos move to healthy zones (a failure drill)', 'Failing');
