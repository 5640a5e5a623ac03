import type { Locator, Page } from 'playwright-core';

/**
 * The keyboard path every destructive action's in-page question must allow: Enter on the focused
 * action opens `confirm`, Escape closes it again. Shared so each editor tests the same path.
 */
export async function openThenEscape(page: Page, confirm: Locator): Promise<void> {
  await page.keyboard.press('Enter');
  await confirm.waitFor();
  await page.keyboard.press('Escape');
  await confirm.waitFor({ state: 'detached' });
}

/**
 * Opens the question with a click and answers yes with Enter (the question puts the focus on its
 * yes button), then waits for `announcement` in the status region, as a screen reader would.
 */
export async function confirmWithEnter(
  page: Page,
  action: Locator,
  announcement: string,
): Promise<void> {
  await action.click();
  await page.keyboard.press('Enter');
  await page.getByRole('status').getByText(announcement).waitFor();
}
