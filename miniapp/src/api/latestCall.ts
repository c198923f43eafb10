/**
 * Tells a load whether it is still the latest one started. A page reloads on show, on every
 * filter change and after actions; the answers can arrive in any order, and an older answer
 * arriving last must not replace the newer one on screen (the "overdue only" table briefly
 * filtered, then showed every case again when the slower unfiltered answer came in).
 */
export function latestCall() {
  let started = 0
  return {
    /** Marks a new call as started; the returned function says whether it is still the latest. */
    begin(): () => boolean {
      const mine = ++started
      return () => mine === started
    },
  }
}
