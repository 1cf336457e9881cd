/** English: the source catalogue; the other languages must have exactly these keys. */
export const en = {
  'vault.create.title': 'Create your vault',
  'vault.create.intro':
    'Everything you keep here is encrypted with a key made from your passphrase. Choose a long passphrase you can remember; nobody can recover it for you.',
  'vault.create.passphrase': 'Passphrase',
  'vault.create.passphraseHint': 'At least 12 characters. A few unrelated words work well.',
  'vault.create.confirm': 'Passphrase again',
  'vault.create.mismatch': 'The two passphrases are not the same.',
  'vault.create.tooShort': 'Use at least 12 characters.',
  'vault.create.submit': 'Create vault',
  'vault.create.working': 'Creating the vault and measuring this computer…',
  'vault.recovery.title': 'Write down your recovery key',
  'vault.recovery.intro':
    'If you forget your passphrase, this key is the only way into the vault. Write it on paper and keep it somewhere safe, away from this computer. It will not be shown again.',
  'vault.recovery.keyLabel': 'Recovery key',
  'vault.recovery.copy': 'Copy',
  'vault.recovery.copied': 'Copied. The clipboard will be cleared in {seconds} seconds.',
  'vault.recovery.confirm': 'I have written the recovery key down and stored it safely',
  'vault.recovery.continue': 'Open the vault',
  'vault.unlock.title': 'Unlock the vault',
  'vault.unlock.passphrase': 'Passphrase',
  'vault.unlock.submit': 'Unlock',
  'vault.unlock.working': 'Deriving the key from your passphrase…',
  'vault.unlock.useRecovery': 'Use the recovery key instead',
  'vault.unlock.usePassphrase': 'Use the passphrase instead',
  'vault.unlock.recoveryKey': 'Recovery key',
  'vault.unlock.recoveryHint': 'Spaces and dashes do not matter.',
  'vault.unlock.attemptsLeft':
    '{count, plural, one {One more failed attempt destroys this vault’s keys.} other {# more failed attempts destroy this vault’s keys.}} Only a backup could restore it then.',
  'vault.starting': 'Starting…',
};
