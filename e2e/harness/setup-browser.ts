import { afterAll } from 'vitest';
import { closeFileBrowser } from './browser.js';

// Each test file's pages share one Chromium, closed when the file is done.
afterAll(closeFileBrowser);
