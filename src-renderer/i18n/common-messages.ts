/** Strings of the app frame: navigation, the lock, generic actions, error sentences per code. */
import { defineMessages } from './define.js';
import { en } from './common-messages.en.js';
import { fr } from './common-messages.fr.js';
import { es } from './common-messages.es.js';
import { ar } from './common-messages.ar.js';

export const commonMessages = defineMessages({ en, fr, es, ar });
