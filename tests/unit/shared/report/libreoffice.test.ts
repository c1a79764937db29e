import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSectionModel, packSection, sectionDocument } from '../../../../shared/report/legal-pressure-section';
import { fixtureQuarter } from '../../../fixtures/quarter';

/**
 * Opens the exported file in a real word processor: LibreOffice converts it to PDF headless and
 * pdftotext reads the text back. Where LibreOffice is not installed the test says so and skips
 * (.ci/run installs it).
 */
const soffice = ['soffice', 'libreoffice'].find((name) => spawnSync('which', [name]).status === 0);
const pdftotext = spawnSync('which', ['pdftotext']).status === 0;
const missing = soffice === undefined ? 'LibreOffice (soffice)' : !pdftotext ? 'pdftotext (poppler-utils)' : null;
if (missing) console.log(`LibreOffice check skipped: ${missing} is not installed here.`);

describe.skipIf(missing !== null)('the DOCX in LibreOffice', () => {
  it('converts to PDF with the Cyrillic and Kazakh text intact, even after U+FFFF and lone surrogates', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'qorgau-lo-'));
    const model = buildSectionModel(fixtureQuarter(), {
      quarter: { year: 2026, quarter: 2 },
      language: 'kk',
      introduction: 'Тоқсан ішінде журналистерге қатысты сот істері жалғасты.',
      statistics: true,
    });
    const labels = {
      kind: (k: string) => k,
      kindHeader: 'Түрі',
      total: 'Барлығы',
      newVsOngoing: (n: number, o: number) => `${n} / ${o}`,
    };
    const docx = path.join(folder, 'legal-pressure.docx');
    await writeFile(docx, await packSection(sectionDocument(model, labels), model));
    execFileSync(
      soffice!,
      ['--headless', `-env:UserInstallation=file://${folder}/profile`, '--convert-to', 'pdf', '--outdir', folder, docx],
      {
        timeout: 120_000,
        stdio: 'ignore',
      },
    );
    execFileSync('pdftotext', ['-layout', path.join(folder, 'legal-pressure.pdf'), path.join(folder, 'out.txt')]);
    const text = (await readFile(path.join(folder, 'out.txt'), 'utf8')).replace(/\s+/g, ' ');
    for (const expected of [
      'Құқықтық қысым',
      'Сәуір',
      'Мамыр',
      'Маусым',
      'Гүлнар Бажкенова',
      'Ақ Жайық',
      'Бекболат Сәменов',
      'журналистерге',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).toContain('seized two laptops.');
  }, 180_000);
});
