/**
 * Proposed additions: a partner's note, deadline, outcome or evidence item on a case the partner
 * did not create waits in the import inbox until a person accepts or rejects it
 * (docs/bundle-format.md, "Authority over what arrives").
 */
import { defineMessages } from '../../i18n/define.js';
import { en } from './messages.en.js';
import { fr } from './messages.fr.js';
import { es } from './messages.es.js';
import { ar } from './messages.ar.js';

export const proposalsMessages = defineMessages({ en, fr, es, ar });
