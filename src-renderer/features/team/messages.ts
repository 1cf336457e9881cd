/** Team sync: the Team and Conflicts screens, the home status and the case marker. */
import { defineMessages } from '../../i18n/define.js';
import { en } from './messages.en.js';
import { fr } from './messages.fr.js';
import { es } from './messages.es.js';
import { ar } from './messages.ar.js';

export const teamMessages = defineMessages({ en, fr, es, ar });
