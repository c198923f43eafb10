/**
 * What this process keeps in memory between requests (caches, counters, a trained model, work in
 * flight) and how to forget it, as a restart would. Each holder registers next to its state, so a
 * new cache cannot be forgotten by a list kept elsewhere.
 *
 * Why: the server's tests run all of one worker's test files in one module graph (issue #12:
 * importing the server once per file cost more than most files' tests), and forget everything
 * between files, so that no file sees what another left in memory.
 */
const forgetters: Array<() => void | Promise<void>> = []

export function forgetOnReset(forget: () => void | Promise<void>): void {
  forgetters.push(forget)
}

/** Waits for work in flight registered here, then forgets every registered state. */
export async function resetProcessState(): Promise<void> {
  for (const forget of forgetters) await forget()
}
