import type { IpcHandler } from './handle';

/** `app:info`: the build's name, version and platform, for the header and About. */
export function appInfoHandler(app: {
  readonly name: string;
  readonly version: string;
  readonly platform: string;
  readonly packaged: boolean;
}): IpcHandler<'app:info'> {
  const platform =
    app.platform === 'darwin' || app.platform === 'win32' || app.platform === 'linux' ? app.platform : 'other';
  return () => Promise.resolve({ name: app.name, version: app.version, platform, packaged: app.packaged });
}
