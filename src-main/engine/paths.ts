/** Where a vault lives when the user names no folder: $CASE_VAULT_DIR, else the OS's app-data folder. */
import os from 'node:os';
import path from 'node:path';

export function defaultVaultDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string {
  if (env.CASE_VAULT_DIR) return path.resolve(env.CASE_VAULT_DIR);
  const home = os.homedir();
  if (platform === 'win32')
    return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Case Vault', 'vault');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Case Vault', 'vault');
  return path.join(env.XDG_DATA_HOME ?? path.join(home, '.local', 'share'), 'case-vault', 'vault');
}
