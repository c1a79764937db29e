/**
 * Fixed facts about the product that every surface agrees on.
 *
 * The scheme, host and web port are part of the IndexedDB origin: change one and users find an
 * empty vault after the next start. They are constants on purpose.
 */
export const PRODUCT_NAME = 'Qorgau';

/** Custom privileged scheme the desktop app is served from (never `file://`, never a port). */
export const APP_SCHEME = 'qorgau';
export const APP_HOST = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** Default port of the web edition on 127.0.0.1; `PORT` overrides it. */
export const WEB_DEFAULT_PORT = 4717;
export const WEB_HOST = '127.0.0.1';
