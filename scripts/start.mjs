// `npm start`: the desktop app where Electron's binary is installed; otherwise the web edition,
// saying so clearly.
import { spawn, spawnSync } from 'node:child_process';
import { findElectronBinary } from './electron-binary.mjs';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const electron = findElectronBinary();

if ('path' in electron) {
  run(npm, ['run', 'build']);
  const child = spawn(electron.path, ['.'], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log(`\nQorgau: Electron is not available here: ${electron.missing}.`);
  console.log('Starting the web edition instead: the same app in your browser, stored in that browser profile.\n');
  const child = spawn(npm, ['run', 'web'], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
}

function run(command, args) {
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
