// Draws the app's icons from build/icon.svg: the PNG sizes Linux desktops look for
// (build/icons/<size>x<size>.png, which electron-builder reads for AppImage and deb), the macOS
// .icns and the Windows .ico. Run it after changing the SVG, and commit what it writes.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';
import png2icons from 'png2icons';

/** What freedesktop's icon theme spec and electron-builder's Linux targets use. */
export const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];

const svg = readFileSync('build/icon.svg');
const render = (size) => new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng();

mkdirSync('build/icons', { recursive: true });
for (const size of LINUX_SIZES) writeFileSync(`build/icons/${size}x${size}.png`, render(size));
const master = render(1024);
// Bicubic scaling from the 1024-pixel drawing; each format keeps the sizes its OS asks for.
const icns = png2icons.createICNS(master, png2icons.BICUBIC, 0);
const ico = png2icons.createICO(master, png2icons.BICUBIC, 0, false, true);
if (!icns || !ico) throw new Error('make-icons: png2icons could not convert build/icon.svg');
writeFileSync('build/icon.icns', icns);
writeFileSync('build/icon.ico', ico);
console.log(`make-icons: wrote ${LINUX_SIZES.length} PNG sizes, icon.icns and icon.ico under build/`);
