/** English: the source catalogue; the other languages must have exactly these keys. */
export const en = {
  'nav.identity': 'Our identity',
  'identity.title': 'Our identity',
  'identity.intro':
    'Partners know this vault by its contact card: a name, an organisation and a public key, signed by this vault. Give the card to a partner, then compare safety numbers with them so that each side knows the key is genuine.',
  'identity.card.title': 'Our contact card',
  'identity.name': 'Name on the card',
  'identity.nameHint': 'Who partners should ask for, for example the lawyer in charge.',
  'identity.organisation': 'Organisation name',
  'identity.saved': 'The card was updated. Give partners the new card.',
  'identity.key.title': 'Our key',
  'identity.fingerprint': 'Key fingerprint',
  'identity.fingerprintHint':
    'A short check of our public key. The safety number, compared with each partner, is what proves the key.',
  'identity.createdAt': 'Key created',
  'identity.vaultId': 'Vault id',
  'identity.qr.title': 'Card as a QR code',
  'identity.qr.alt': 'QR code of our contact card',
  'identity.qr.hint': 'A partner can scan this code to take our card.',
  'identity.export.title': 'Give the card to a partner',
  'identity.export.hint':
    'The card holds no secret: save it on a drive or send it. Then compare safety numbers with the partner.',
  'identity.export.card': 'Save the card as a file…',
  'identity.export.png': 'Save the QR code as PNG…',
  'identity.export.svg': 'Save the QR code as SVG…',
  'identity.export.done': 'Saved as {name}.',
  'identity.ageKey':
    'The private key can be exported for the stock age tool only from the command line (identity export-age-key), on purpose: whoever holds that file can read every bundle sent to this vault, without the passphrase.',
};
