import { defineZoneAction } from '../../lib/zone-action.js';

export const zonesRecover = defineZoneAction('recover', 'mark a failed zone of a space as healthy again', 'Recovering');
