// Debian's Chromium (/usr/bin/chromium, never a downloaded browser) launched by playwright-core
// with the flags this machine needs: no sandbox as root, no GPU, and no background networking
// (the network is closed; Chromium's own connections would only be refused). Used by the page
// tests, the page bench and the README screenshot.
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'];

export const launchChromium = () => chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
