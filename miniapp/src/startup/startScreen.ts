/** The id of the start screen in the H5 template (src/index.html), painted before any script runs. */
export const startScreenId = 'mq-start'

/**
 * Takes the start screen away once a page is on screen. It covers the viewport from the first
 * paint (fixed, above everything), so removing it moves nothing; calling it again does nothing.
 */
export function removeStartScreen(doc: Pick<Document, 'getElementById'> = document): void {
  doc.getElementById(startScreenId)?.remove()
}
