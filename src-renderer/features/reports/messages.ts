/**
 * The donor report screen: the scope form, the preview beside what was taken out, and saving.
 * The report's own words (headings, labels, notes) come from the engine's catalogue in the
 * language chosen for the report (src-main/engine/reports/catalogue.ts), not from here.
 */
import { defineMessages } from '../../i18n/define.js';
import { en } from './messages.en.js';
import { fr } from './messages.fr.js';
import { es } from './messages.es.js';
import { ar } from './messages.ar.js';

export const reportsMessages = defineMessages({ en, fr, es, ar });
