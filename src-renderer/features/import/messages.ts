/** The spreadsheet import wizard. The reasons rows are refused are the error codes' sentences (common messages). */
import { defineMessages } from '../../i18n/define.js';
import { en } from './messages.en.js';
import { fr } from './messages.fr.js';
import { es } from './messages.es.js';
import { ar } from './messages.ar.js';

export const importMessages = defineMessages({ en, fr, es, ar });
