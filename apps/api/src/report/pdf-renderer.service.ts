import { existsSync } from 'node:fs';
import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { CONFIG, type Config } from '@mutu/config';
import type { Browser } from 'playwright-core';

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * The browser to print with: CHROMIUM_PATH (the image installs Debian's chromium), else the
 * system's /usr/bin/chromium, else the one packed in @sparticuz/chromium (a runtime dependency, so
 * a pruned artifact without a system browser still renders).
 */
export async function chromiumExecutablePath(configured: string | undefined): Promise<string> {
  if (configured) {
    if (!existsSync(configured)) throw new Error(`CHROMIUM_PATH ${configured} does not exist`);
    return configured;
  }
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require('@sparticuz/chromium');
  return (mod.default ?? mod).executablePath();
}

/** Renders HTML to PDF with one lazily started headless Chromium, closed on shutdown. */
@Injectable()
export class PdfRenderer implements OnApplicationShutdown {
  private browser: Promise<Browser> | undefined;

  constructor(@Inject(CONFIG) private readonly config: Config) {}

  async render(html: string): Promise<Buffer> {
    const browser = await this.launch();
    const context = await browser.newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      // No network: the report is self-contained; a stray URL must not be fetched.
      await page.route('**/*', (route) => route.abort());
      await page.setContent(html, { waitUntil: 'load' });
      return await page.pdf({ format: 'A4', printBackground: true, margin: { top: '1cm', bottom: '1cm' } });
    } finally {
      await context.close();
    }
  }

  private launch(): Promise<Browser> {
    if (!this.browser) {
      this.browser = (async () => {
        const { chromium } = await import('playwright-core');
        return chromium.launch({ executablePath: await chromiumExecutablePath(this.config.CHROMIUM_PATH), args: ARGS, headless: true });
      })();
      this.browser.catch(() => (this.browser = undefined));
    }
    return this.browser;
  }

  async onApplicationShutdown(): Promise<void> {
    const b = this.browser;
    this.browser = undefined;
    if (b) await (await b.catch(() => undefined))?.close();
  }
}
