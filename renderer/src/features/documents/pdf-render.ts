import { getDocument, GlobalWorkerOptions } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

// The worker is one of the app's own files (worker-src 'self'); nothing is fetched from elsewhere.
GlobalWorkerOptions.workerSrc = workerUrl;

/**
 * Renders page 1 of a PDF held in memory onto a canvas and returns the page count. Eval is off
 * (the CSP forbids it anyway), scripting and external resources are never enabled.
 */
export async function renderFirstPage(pdf: Blob, canvas: HTMLCanvasElement | null): Promise<number> {
  if (canvas === null) throw new Error('pdf preview: no canvas to draw on');
  const data = new Uint8Array(await pdf.arrayBuffer());
  const document = await getDocument({
    data,
    isEvalSupported: false,
    enableXfa: false,
    disableAutoFetch: true,
    disableStream: true,
    stopAtErrors: false,
  }).promise;
  try {
    const page = await document.getPage(1);
    const viewport = page.getViewport({ scale: Math.min(2, 900 / page.getViewport({ scale: 1 }).width) });
    canvas.width = Math.floor(viewport.width);
    canvas.height = Math.floor(viewport.height);
    const context = canvas.getContext('2d');
    if (context === null) throw new Error('pdf preview: the canvas has no 2D context');
    await page.render({ canvas, canvasContext: context, viewport }).promise;
    return document.numPages;
  } finally {
    await document.destroy();
  }
}
