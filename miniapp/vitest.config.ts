import { defineConfig } from 'vitest/config'

// Unit tests of the mini-app's own logic (request wrapper, role entries). The pages are tested
// in a real Chromium against the H5 build (test/e2e).
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
})
