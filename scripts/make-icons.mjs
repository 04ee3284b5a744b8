// Renders the app's PNG icons (public/icons/) from public/favicon.svg with Debian's Chromium.
// Usage: node scripts/make-icons.mjs — rerun after changing the SVG, and commit the PNGs.
import { mkdirSync, readFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from './chromium.mjs';

const root = new URL('../', import.meta.url);
const out = new URL('public/icons/', root);
const svg = readFileSync(new URL('public/favicon.svg', root), 'utf8');
// Launchers that mask the icon themselves (Android's maskable shapes, iOS's rounded square) need
// it full-bleed: no rounded corners, no transparency. The glyph already sits inside the maskable
// safe zone (the centred circle of 80 % diameter), so only the corners change.
const fullBleed = svg.replace(/ rx="[\d.]+"/, '');
if (fullBleed === svg) throw new Error('public/favicon.svg: expected a rounded background <rect rx="…">');

const icons = [
  { file: 'icon-192.png', size: 192, source: svg },
  { file: 'icon-512.png', size: 512, source: svg },
  { file: 'maskable-512.png', size: 512, source: fullBleed },
  { file: 'apple-touch-icon-180.png', size: 180, source: fullBleed },
];

mkdirSync(out, { recursive: true });
const browser = await chromium.launch(chromiumLaunchOptions);
try {
  for (const { file, size, source } of icons) {
    const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
    await page.setContent('<body style="margin:0"></body>');
    // An <img> of the SVG as a data: URL renders it exactly as a browser shows the favicon.
    await page.evaluate(
      ([src, px]) =>
        new Promise((resolve, reject) => {
          const img = document.createElement('img');
          img.width = img.height = px;
          img.style.display = 'block';
          img.onload = resolve;
          img.onerror = () => reject(new Error('the SVG did not render'));
          img.src = src;
          document.body.append(img);
        }),
      [`data:image/svg+xml;base64,${Buffer.from(source).toString('base64')}`, size],
    );
    await page.screenshot({ path: new URL(file, out).pathname, omitBackground: true });
    await page.close();
    console.log(`public/icons/${file} ${size}×${size}`);
  }
} finally {
  await browser.close();
}
