// Where Receptive keeps its own files (recent projects, untitled projects): the folder Electron's
// app.getPath('userData') gives for our productName, so browser mode and the desktop app share one
// recent list. RECEPTIVE_SETTINGS_DIR overrides it (tests, several installs side by side).
import { homedir } from 'node:os'
import { join } from 'node:path'

const APP_FOLDER = 'Receptive'

export function settingsDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home = homedir()): string {
  if (env.RECEPTIVE_SETTINGS_DIR) return env.RECEPTIVE_SETTINGS_DIR
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), APP_FOLDER)
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_FOLDER)
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), APP_FOLDER)
}
