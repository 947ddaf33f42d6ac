import { afterAll, afterEach } from 'vitest';
import { closeFileBrowser, describeTestPages, forgetTestPages } from './browser.js';

// A failed test tells what its pages went through (browser.ts); each test file's pages share one
// Chromium, closed when the file is done.
afterEach(async ({ task }) => {
  if (task.result?.state === 'fail')
    console.error(`${task.name}: the pages at the failure\n${await describeTestPages()}`);
  forgetTestPages();
});
afterAll(closeFileBrowser);
