/** The browser's own yield where it has one (Chromium 129+): it resumes before other queued tasks. */
interface Scheduler {
  yield?: () => Promise<void>
}

/** Ends the current task: what follows runs in a later one, after the browser had its turn. */
export function yieldToBrowser(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Scheduler }).scheduler
  if (typeof scheduler?.yield === 'function') return scheduler.yield()
  return new Promise((resolve) => setTimeout(resolve, 0))
}

/**
 * Runs the steps one after another, each in a task of its own (a step returning a promise, such as
 * a chunk being loaded, is waited for first). Total Blocking Time counts each task's part above
 * 50 ms: the same work in several shorter tasks blocks less, and the browser can paint and answer
 * a tap between them. Stops at the first step that fails, rejecting with its error.
 */
export async function inSeparateTasks(
  steps: ReadonlyArray<() => unknown>,
  nextTask: () => Promise<void> = yieldToBrowser,
): Promise<void> {
  for (const step of steps) {
    await nextTask()
    await step()
  }
}
