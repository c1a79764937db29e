import type { Page } from '@playwright/test';

/**
 * Drops a file made in the page onto the drop zone, as a person dragging it from their desktop
 * would. `kind: 'pdf'` makes a valid one-page PDF padded to `size` bytes.
 */
export async function dropFile(
  page: Page,
  file: { name: string; type: string; size: number; kind: 'pdf' | 'zeros' | 'text'; text?: string },
) {
  const dataTransfer = await page.evaluateHandle((spec) => {
    const encoder = new TextEncoder();
    const makePdf = (padding: number): Blob => {
      const parts: Uint8Array[] = [];
      const offsets: number[] = [];
      let length = 0;
      const push = (chunk: string | Uint8Array) => {
        const bytes = typeof chunk === 'string' ? encoder.encode(chunk) : chunk;
        parts.push(bytes);
        length += bytes.byteLength;
      };
      const object = (n: number, body: string) => {
        offsets[n] = length;
        push(`${n} 0 obj\n${body}\nendobj\n`);
      };
      push('%PDF-1.4\n');
      object(1, '<< /Type /Catalog /Pages 2 0 R >>');
      object(2, '<< /Type /Pages /Kids [3 0 R] /Count 1 >>');
      object(3, '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>');
      const content = '0 0 0 rg 72 400 300 150 re f\n';
      object(4, `<< /Length ${content.length} >>\nstream\n${content}endstream`);
      offsets[5] = length;
      push(`5 0 obj\n<< /Length ${padding} >>\nstream\n`);
      push(new Uint8Array(padding).fill(32));
      push('\nendstream\nendobj\n');
      const xref = length;
      let table = 'xref\n0 6\n0000000000 65535 f \n';
      for (let n = 1; n <= 5; n += 1) table += `${String(offsets[n]).padStart(10, '0')} 00000 n \n`;
      push(`${table}trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`);
      return new Blob(parts as BlobPart[], { type: 'application/pdf' });
    };
    let blob: Blob;
    if (spec.kind === 'pdf') blob = makePdf(spec.size);
    else if (spec.kind === 'text') blob = new Blob([spec.text ?? ''], { type: spec.type });
    else
      blob = new Blob(Array.from({ length: Math.ceil(spec.size / (1024 * 1024)) }, () => new Uint8Array(1024 * 1024)));
    const transfer = new DataTransfer();
    transfer.items.add(new File([blob], spec.name, { type: spec.type }));
    (window as unknown as { lastDropped: Blob }).lastDropped = blob;
    return transfer;
  }, file);
  await page.getByRole('region', { name: 'Drop files here' }).dispatchEvent('drop', { dataTransfer });
}
