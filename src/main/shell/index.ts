// The Electron main process entry: wires services to the app lifecycle. Everything of substance
// lives in plain Node modules (src/main/*) that never import electron.
import { app, BrowserWindow, dialog, ipcMain, Menu, session, shell } from 'electron';
import { join } from 'node:path';
import { createDispatcher } from '../ipc/dispatcher.ts';
import { createHandlers } from '../ipc/handlers.ts';
import { loggedDispatch, loggedJobEvents, startAppLog } from '../log/appLog.ts';
import { JOB_EVENT_CHANNEL } from '../../shared/ipc/jobEvents.ts';
import { createUtilityProcessSpawner } from './utilityProcessSpawner.ts';
import { unpackedPath } from './asarPaths.ts';
import {
  CONTENT_SECURITY_POLICY,
  WEB_PREFERENCES,
  isOwnUrl,
  isVettedExternalUrl,
} from '../security/windowPolicy.ts';

const devServerUrl = process.env['ELECTRON_RENDERER_URL'];
const rendererDir = join(import.meta.dirname, '../renderer');

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1366,
    height: 768,
    minWidth: 1024,
    minHeight: 640,
    title: 'Slotwise',
    show: false,
    webPreferences: { ...WEB_PREFERENCES, preload: join(import.meta.dirname, '../preload/index.cjs') },
  });
  win.once('ready-to-show', () => win.show());
  win.webContents.on('will-navigate', (event, url) => {
    if (!isOwnUrl(url, devServerUrl, rendererDir)) event.preventDefault();
  });
  win.webContents.setWindowOpenHandler(({ url }) => {
    if (isVettedExternalUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  if (devServerUrl) void win.loadURL(devServerUrl);
  else void win.loadFile(join(rendererDir, 'index.html'));
  return win;
}

function hardenSession(): void {
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
  });
}

void app.whenReady().then(() => {
  hardenSession();
  const versions = { electron: process.versions.electron, chrome: process.versions.chrome };
  startAppLog(app.getPath('userData'), versions);
  const dispatch = loggedDispatch(
    createDispatcher(
      createHandlers({
        userDataDir: app.getPath('userData'),
        versions,
        emit: loggedJobEvents((event) => {
          for (const win of BrowserWindow.getAllWindows()) win.webContents.send(JOB_EVENT_CHANNEL, event);
        }),
        jobRunner: {
          spawner: createUtilityProcessSpawner(
            unpackedPath(join(import.meta.dirname, '../solver/process.js')),
          ),
        },
        saveDialog: async ({ title, defaultName }) => {
          const result = await dialog.showSaveDialog({ title, defaultPath: defaultName });
          return result.canceled || !result.filePath ? null : result.filePath;
        },
        openDialog: async ({ title, folder }) => {
          const result = await dialog.showOpenDialog({
            title,
            properties: [folder ? 'openDirectory' : 'openFile'],
            filters: folder
              ? []
              : [{ name: 'Workbook, FET or ITC-2007', extensions: ['xlsx', 'fet', 'gz', 'ctt', 'ectt'] }],
          });
          return result.canceled ? null : (result.filePaths[0] ?? null);
        },
        templateFile: app.isPackaged
          ? join(process.resourcesPath, 'templates', 'college-template.xlsx')
          : undefined,
      }),
    ),
  );
  ipcMain.handle('slotwise:invoke', (event, channel: unknown, payload: unknown) => {
    const frameUrl = event.senderFrame?.url ?? '';
    if (!isOwnUrl(frameUrl, devServerUrl, rendererDir) || event.senderFrame !== event.sender.mainFrame) {
      return { ok: false, error: { code: 'forbidden_sender', message: 'IPC from a foreign frame' } };
    }
    return dispatch(channel, payload);
  });
  Menu.setApplicationMenu(appMenu(dispatch));
  createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
});

/**
 * The menu: File > Back up project now (the same handler as the Project screen's button); Help >
 * Open log folder and Save a diagnostic bundle (the same bundle as `slotwise diagnose`).
 */
function appMenu(dispatch: ReturnType<typeof createDispatcher>): Menu {
  const openLogFolder = async (): Promise<void> => {
    const res = await dispatch('diagnostics:logFolder', undefined);
    const failure = res.ok
      ? await shell.openPath((res.value as { folder: string }).folder)
      : res.error.message;
    if (failure) await dialog.showMessageBox({ type: 'error', message: 'Open log folder', detail: failure });
  };
  const saveBundle = async (): Promise<void> => {
    const stamp = new Date().toISOString().slice(0, 10);
    const chosen = await dialog.showSaveDialog({
      title: 'Save a diagnostic bundle',
      defaultPath: `slotwise-diagnostics-${stamp}.zip`,
      filters: [{ name: 'Zip archive', extensions: ['zip'] }],
    });
    if (chosen.canceled || !chosen.filePath) return;
    const res = await dispatch('diagnostics:bundle', { out: chosen.filePath });
    const detail = res.ok
      ? `Saved ${(res.value as { file: string }).file}: the log, versions and the project's integrity report (ids and counts, no names).`
      : res.error.message;
    await dialog.showMessageBox({ type: res.ok ? 'info' : 'error', message: 'Diagnostic bundle', detail });
  };
  const backUp = async (): Promise<void> => {
    const res = await dispatch('project:backup', undefined);
    const detail = res.ok ? `Saved ${(res.value as { file: string }).file}` : res.error.message;
    await dialog.showMessageBox({ type: res.ok ? 'info' : 'error', message: 'Back up project', detail });
  };
  return Menu.buildFromTemplate([
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        { label: 'Back up project now', accelerator: 'CmdOrCtrl+B', click: () => void backUp() },
        { type: 'separator' },
        { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    { role: 'viewMenu' },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [
        { label: 'Open log folder', click: () => void openLogFolder() },
        { label: 'Save a diagnostic bundle…', click: () => void saveBundle() },
      ],
    },
  ]);
}

// Every web contents, not only our window's: no webviews, no navigation away, no new windows.
app.on('web-contents-created', (_event, contents) => {
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.on('will-navigate', (event, url) => {
    if (!isOwnUrl(url, devServerUrl, rendererDir)) event.preventDefault();
  });
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
