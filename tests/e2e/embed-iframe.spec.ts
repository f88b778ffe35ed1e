import { expect, test } from '@playwright/test';

/**
 * Issue 6: an embed inside an iframe on another origin (a news site's article), in Chromium.
 * Its own file because it needs its own browser launch options.
 */
const CASE_ID = 'kazakhstan-2022-01';

// The article is served from a made-up public host and the app from 127.0.0.1: Chromium's Local
// Network Access checks would block that frame (a public page reaching into loopback), which a
// real deployment never meets since the app is public too. Only that check is turned off.
test.use({
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-features=LocalNetworkAccessChecks,BlockInsecurePrivateNetworkRequests,PrivateNetworkAccessForNavigations,PrivateNetworkAccessSendPreflights',
    ],
  },
});

test('works inside an iframe on another origin', async ({ page, baseURL }) => {
  const src = `${baseURL}/embed/cases/${CASE_ID}?view=timeline&hideStatus=alleged`;
  await page.route('http://host.test/**', (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><html lang="en"><head><title>A news site</title></head><body><h1>Our article</h1>
        <iframe id="tw" src="${src}" width="800" height="600" title="Kazakhstan timeline"></iframe></body></html>`,
    }),
  );
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
  });
  await page.goto('http://host.test/article');
  const frame = page.frameLocator('#tw');
  await expect(frame.getByRole('heading', { level: 1 })).toContainText('Kazakhstan');
  // Only the status filter's events: none of the alleged ones.
  await expect(frame.locator('.tw-embed-list')).toContainText('Tokayev meets CSTO Secretary General Zas');
  await expect(frame.locator('.tw-embed-list')).not.toContainText('biological laboratory');
  await expect(frame.getByTestId('embed-credit')).toContainText('Press TV');
  const back = frame.getByRole('link', { name: 'View on Timeweave' });
  await expect(back).toHaveAttribute('target', '_blank');
  await expect(back).toHaveAttribute('rel', /noopener/);
  await expect(back).toHaveAttribute('href', new RegExp(`/cases/${CASE_ID}\\?hideStatus=alleged$`));
  // The canvas loaded inside the frame: scripts ran under the embed's CSP.
  await expect(frame.locator('.vis-timeline')).toBeVisible();
  await expect(frame.locator('.tw-site-header')).toHaveCount(0);
  expect(violations).toEqual([]);
});
