/**
 * The design tokens every page uses, mirrored as CSS custom properties in `tokens.css` (a unit
 * test keeps the two equal). Sizes are in Taro design px (750 wide): half of that is CSS px on a
 * 375-wide phone, which is what the MIIT 适老化 figures (dp) are measured against.
 */
export const colours = {
  brand: '#c8161d',
  /** Brand red for text and filled buttons in 长辈模式 (stronger than the brand tint). */
  brandStrong: '#a8071a',
  brandSoft: '#fff1f0',
  text: '#1a1a1a',
  textSecondary: '#595959',
  textOnBrand: '#ffffff',
  page: '#f5f6f8',
  surface: '#ffffff',
  border: '#d9d9d9',
  borderStrong: '#595959',
  danger: '#b7290e',
  dangerSoft: '#fff2e8',
  warning: '#874d00',
  warningSoft: '#fff7e6',
  success: '#237804',
  successSoft: '#f6ffed',
  info: '#0958d9',
  infoSoft: '#e6f4ff',
  muted: '#595959',
  mutedSoft: '#f0f0f0',
} as const

export type ColourToken = keyof typeof colours

/** Text on background pairs the app draws: each must reach 4.5 : 1. */
export const textPairs: ReadonlyArray<readonly [ColourToken, ColourToken]> = [
  ['text', 'surface'],
  ['text', 'page'],
  ['textSecondary', 'surface'],
  ['textSecondary', 'page'],
  ['textOnBrand', 'brand'],
  ['textOnBrand', 'brandStrong'],
  ['brand', 'surface'],
  ['brand', 'brandSoft'],
  ['brandStrong', 'brandSoft'],
  ['danger', 'dangerSoft'],
  ['danger', 'surface'],
  ['warning', 'warningSoft'],
  ['success', 'successSoft'],
  ['info', 'infoSoft'],
  ['muted', 'mutedSoft'],
]

/** Type scale in design px: normal and 长辈模式 (≥ 36 design px = 18 CSS px on a 375 phone). */
export const typeScale = {
  normal: { caption: 24, body: 28, title: 32, heading: 40 },
  elder: { caption: 36, body: 40, title: 44, heading: 52 },
} as const

/** Spacing steps in design px. */
export const spacing = { xs: 8, s: 16, m: 24, l: 32, xl: 48 } as const

/** Smallest touch target in design px: 60 CSS px (MIIT 适老化) in elder mode, 44 otherwise. */
export const touchTarget = { normal: 88, elder: 120 } as const

/** Line height: MIIT asks for at least 1.3 × the font size. */
export const lineHeight = { normal: 1.5, elder: 1.5 } as const
