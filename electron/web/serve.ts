import path from 'node:path';
import { PRODUCT_NAME, WEB_HOST } from '../../shared/app/identity';
import { parsePort, startWebServer } from './server';

/** Entry of `npm run web`: serves the built renderer (dist/renderer) on 127.0.0.1. */
async function main(): Promise<void> {
  const port = parsePort(process.env.PORT);
  const assetRoot = path.resolve(path.dirname(process.argv[1] ?? '.'), '..', 'renderer');
  await startWebServer({ assetRoot, port });
  console.log(`${PRODUCT_NAME} web edition: http://${WEB_HOST}:${port}  (Ctrl+C stops it)`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
