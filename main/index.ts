// Electron's main process: one window showing the bundle from app://, the contract over IPC, and
// every security switch of ../shared/RELIABILITY.md section A. The pieces are plain functions in
// main/electron/ (tested without Electron); this file only wires them to Electron.
import { join } from 'node:path'
import { app, BrowserWindow, crashReporter, dialog, ipcMain, MessageChannelMain, Menu, nativeTheme, protocol, screen, session, shell, utilityProcess, type OpenDialogOptions, type SaveDialogOptions } from 'electron'
import { contract } from '../preload/contract.ts'
import { createDispatch } from './dispatch.ts'
import { appProtocolHandler, appScheme } from './electron/app-protocol.ts'
import { logChildGone, recoverRenderer } from './electron/crash-events.ts'
import { fileActions, projectFilters, type Dialogs } from './electron/file-actions.ts'
import { projectArgument } from './electron/launch-args.ts'
import { denyPermissionCheck, denyPermissionRequest, guardContents } from './electron/guards.ts'
import { forwardEvents, registerIpc } from './electron/ipc.ts'
import { menuTemplate } from './electron/menu.ts'
import { APP_ENTRY, APP_ORIGIN, devServerUrl, trustedOrigins } from './electron/origins.ts'
import { closeGuard } from './electron/unsaved-work.ts'
import { MIN_SIZE, windowOptions } from './electron/window-options.ts'
import { fitToDisplays, loadWindowState, saveWindowState } from './electron/window-state.ts'
import { createEventHub } from './events.ts'
import { createHandlers } from './handlers.ts'
import { createLog, describeError, logProcessErrors } from './log.ts'
import { DatasetService } from './services/datasets.ts'
import { shareDataCache } from './services/datasets-cache.ts'
import { utilityDataProcess } from './services/dataset-process.ts'
import { EvaluationService, evaluationFrom } from './services/evaluate.ts'
import { InspectService, inspectorFrom } from './services/inspect.ts'
import { ProjectService } from './services/projects.ts'
import { wireState } from './services/runs/run-wire.ts'
import { spawnByBackend } from './services/runs/engine-host.ts'
import { RunsService } from './services/runs/runs-service.ts'
import { utilitySpawner } from './services/runs/utility-host.ts'
import { windowSpawner } from './services/runs/window-host.ts'

const devServer = devServerUrl(process.env, app.isPackaged) // set by `electron-vite dev` only
const origins = trustedOrigins(devServer)
const argSkip = app.isPackaged ? 1 : 2 // the executable, and the app folder in development
const project = projectArgument(process.argv, process.cwd(), argSkip)

protocol.registerSchemesAsPrivileged([appScheme])

// before ready, so the renderer, GPU and utility processes started later are covered; dumps stay local
crashReporter.start({ uploadToServer: false })
const settings = process.env.RECEPTIVE_SETTINGS_DIR || app.getPath('userData')
const log = createLog(settings)
logProcessErrors(log, process, (err) => {
  dialog.showErrorBox('Receptive stopped after an internal error', `${describeError(err)}\n\nDetails are in ${log.path}`)
  app.exit(1)
})

// native dialogs, attached to the focused window when there is one
/** the path picked to open, or null when cancelled */
async function pickOpen(options: OpenDialogOptions): Promise<string | null> {
  const win = BrowserWindow.getFocusedWindow()
  const r = await (win ? dialog.showOpenDialog(win, options) : dialog.showOpenDialog(options))
  return r.canceled ? null : (r.filePaths[0] ?? null)
}

/** the path picked to save to, or null when cancelled */
async function pickSave(options: SaveDialogOptions): Promise<string | null> {
  const win = BrowserWindow.getFocusedWindow()
  const r = await (win ? dialog.showSaveDialog(win, options) : dialog.showSaveDialog(options))
  return r.canceled || !r.filePath ? null : r.filePath
}

const dialogs: Dialogs = {
  openPath: () => pickOpen({ properties: ['openFile'], filters: projectFilters }),
  savePath: (suggested) => pickSave({ defaultPath: suggested, filters: projectFilters }),
  error: (title, message) => {
    log.write('warn', 'dialog', `${title}: ${message}`)
    dialog.showErrorBox(title, message)
  },
  askUnsaved: async () => {
    const options = {
      type: 'question' as const,
      message: 'Save the untitled project before it is closed?',
      detail: 'An untitled project is deleted when it is closed unless it is saved.',
      buttons: ['Save…', "Don't Save", 'Cancel'],
      defaultId: 0,
      cancelId: 2,
    }
    const win = BrowserWindow.getFocusedWindow()
    const { response } = await (win ? dialog.showMessageBox(win, options) : dialog.showMessageBox(options))
    return (['save', 'discard', 'cancel'] as const)[response] ?? 'cancel'
  },
}

/** a dataset to import: a folder of class folders, or a file (IDX, CIFAR, NumPy) */
function openDatasetDialog(folder: boolean): Promise<string | null> {
  return pickOpen({ properties: [folder ? 'openDirectory' : 'openFile'] })
}

/** where an export goes: a file for ONNX and .npz, a new folder for PyTorch */
function saveExportDialog(format: 'onnx' | 'pytorch' | 'npz', suggested: string): Promise<string | null> {
  const filters = format === 'pytorch' ? [] : [{ name: format === 'onnx' ? 'ONNX model' : 'NumPy weights', extensions: [format] }]
  return pickSave({ defaultPath: suggested, filters })
}

/** a WebGPU run's hidden window host: no UI, sandboxed, not throttled while hidden; its preload only hands over the port */
function openHostWindow(runId: number): BrowserWindow {
  const win = new BrowserWindow({
    show: false, title: `Receptive engine (run ${runId})`,
    webPreferences: {
      preload: join(import.meta.dirname, '../preload/engine-host.cjs'), sandbox: true, contextIsolation: true, nodeIntegration: false,
      webSecurity: true, backgroundThrottling: false, spellcheck: false,
    },
  })
  void win.loadURL(`${APP_ORIGIN}/engine-host.html`)
  return win
}

function createWindow(settleUnsaved: () => Promise<boolean>): BrowserWindow {
  const saved = loadWindowState(settings)
  const bounds = saved ? fitToDisplays(saved.bounds, [screen.getPrimaryDisplay(), ...screen.getAllDisplays()].map((d) => d.workArea), MIN_SIZE) : undefined
  const win = new BrowserWindow(windowOptions({ preload: join(import.meta.dirname, '../preload/index.cjs'), dark: nativeTheme.shouldUseDarkColors, bounds }))
  win.once('ready-to-show', () => {
    if (saved?.maximized) win.maximize()
    if (saved?.fullscreen) win.setFullScreen(true)
    win.show()
  })
  win.on('close', closeGuard(settleUnsaved, () => win.close()))
  win.on('close', () => {
    try {
      saveWindowState(settings, { bounds: win.getNormalBounds(), maximized: win.isMaximized(), fullscreen: win.isFullScreen() })
    } catch (err) { log.write('warn', 'main', `window state not saved: ${describeError(err)}`) }
  })
  recoverRenderer(win.webContents, log, (reason) => dialogs.error('The window keeps crashing', `Its renderer stopped (${reason}). Details are in ${log.path}`))
  void win.loadURL(devServer ?? APP_ENTRY)
  return win
}

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  // a file opened from outside (another launch, Finder) waits for the File actions when it comes early
  let file: ReturnType<typeof fileActions> | null = null
  let pendingOpen: string | null = null
  const openFromOutside = (path: string) => (file ? void file.openFile(path) : (pendingOpen = path))
  app.on('open-file', (event, path) => { // macOS; sent before 'ready' for the file that launched the app
    event.preventDefault()
    openFromOutside(path)
  })
  app.on('second-instance', (_event, argv, workingDirectory) => {
    const win = BrowserWindow.getAllWindows()[0]
    if (win?.isMinimized()) win.restore()
    win?.focus()
    const path = projectArgument(argv, workingDirectory, argSkip)
    if (path) openFromOutside(path)
  })
  app.on('child-process-gone', (_event, details) => logChildGone(log, details))
  app.on('web-contents-created', (_event, contents) => guardContents(contents, origins, (url) => shell.openExternal(url)))
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })

  void app.whenReady().then(() => {
    session.defaultSession.setPermissionRequestHandler(denyPermissionRequest)
    session.defaultSession.setPermissionCheckHandler(denyPermissionCheck)
    protocol.handle(appScheme.scheme, appProtocolHandler(join(import.meta.dirname, '../renderer')))

    const hub = createEventHub(contract)
    const projects = ProjectService.openOrNew({
      appVersion: app.getVersion(),
      settingsDir: settings,
      cwd: process.cwd(),
      onChange: (info) => {
        if (info.path) app.addRecentDocument(info.path) // the OS's recent list (Dock, JumpList) beside ours
        runs.projectChanged()
        hub.emit('project.changed', info)
      },
    }, project, (message) => dialogs.error('Could not open the project', message))
    const opened = projects.info().path
    if (opened) app.addRecentDocument(opened)
    // training in utility processes (the engine host electron-vite builds beside this file)
    const engineHost = join(import.meta.dirname, 'engine-host.js')
    // CPU runs in utility processes; WebGPU runs in hidden, sandboxed windows (Dawn cannot map buffers in Electron)
    const runs = new RunsService(() => projects.current, spawnByBackend({
      cpu: utilitySpawner(utilityProcess.fork, engineHost),
      webgpu: windowSpawner(openHostWindow, () => new MessageChannelMain()),
    }))
    const progress = runs.updates$.subscribe((s) => hub.emit('run.progress', wireState(s)))
    const evaluations = new EvaluationService(() => projects.current, evaluationFrom(utilitySpawner(utilityProcess.fork, engineHost, 'evaluate')))
    const inspections = new InspectService(() => projects.current,
      inspectorFrom(utilitySpawner(utilityProcess.fork, engineHost, 'inspect')))
    const datasets = new DatasetService(() => projects.current, {
      cacheDir: shareDataCache(), emit: hub.emit,
      spawn: utilityDataProcess(utilityProcess.fork, engineHost),
    })
    app.on('will-quit', () => {
      progress.unsubscribe()
      runs.shutdown()
      inspections.close()
      datasets.close()
      projects.close()
    })
    const handlers = createHandlers({ version: app.getVersion(), platform: process.platform, projects, runs, evaluations, inspections, datasets, openDatasetDialog, saveExportDialog })
    registerIpc(ipcMain, createDispatch(contract, handlers), origins)
    forwardEvents(hub.events$, () => BrowserWindow.getAllWindows().map((w) => w.webContents))

    file = fileActions(projects, dialogs)
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(menuTemplate({ appName: app.name, isMac: process.platform === 'darwin', isDev: !app.isPackaged, file })),
    )
    const actions = file
    // on macOS closing the window keeps the app and its project; only quitting throws an untitled one away
    let quitting = false
    const settleForQuit = async () => {
      const go = await actions.settleUnsaved()
      if (!go) quitting = false // the cancelled close cancelled the quit too
      return go
    }
    const beforeClose = () => (process.platform === 'darwin' && !quitting ? Promise.resolve(true) : settleForQuit())
    // quitting with no window open (macOS) has no close to hold, so the quit itself is held and asked about
    const quitGuard = closeGuard(settleForQuit, () => app.quit())
    app.on('before-quit', (event) => {
      quitting = true
      if (BrowserWindow.getAllWindows().length === 0) quitGuard(event)
    })
    createWindow(beforeClose)
    if (pendingOpen) void actions.openFile(pendingOpen)
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createWindow(beforeClose)
    })
  })
}
