/**
 * The design tokens as plain data: one source for the Lit styles (tokens.ts), the page's own
 * stylesheet (written by scripts/build-web.ts) and the contrast test
 * (test/web/design-tokens.test.ts). No Lit import here, so Node can read it at build time.
 *
 * Neutral ink on warm white, one bronze accent; success, warning and danger always come with
 * words or a symbol, never colour alone. Every pair in TEXT_PAIRS and UI_PAIRS keeps WCAG AA.
 */

export type Scheme = 'light' | 'dark';

export interface Colours {
  /** The page. */
  bg: string;
  /** Panels, the question, notices. */
  surface: string;
  /** Cards, fields and secondary buttons. */
  raised: string;
  /** Body text and headings. */
  ink: string;
  /** Secondary text. */
  muted: string;
  /** Field and button borders (3:1 against what they sit on). */
  border: string;
  /** Hairlines that only decorate (never the only edge of a control). */
  rule: string;
  /** Links, the chosen state, progress; the single accent. */
  accent: string;
  /** Primary buttons: ink filled. */
  primary: string;
  onPrimary: string;
  danger: string;
  onDanger: string;
  success: string;
  warning: string;
  focus: string;
}

export const PALETTE: Record<Scheme, Colours> = {
  light: {
    bg: '#faf8f5',
    surface: '#f1ede6',
    raised: '#ffffff',
    ink: '#1c1a17',
    muted: '#5b554c',
    border: '#8a8176',
    rule: '#ddd6cb',
    accent: '#7a5223',
    primary: '#1c1a17',
    onPrimary: '#faf8f5',
    danger: '#a42a25',
    onDanger: '#ffffff',
    success: '#2d6a3a',
    warning: '#855400',
    focus: '#7a5223',
  },
  dark: {
    bg: '#161412',
    surface: '#221f1b',
    raised: '#1c1a17',
    ink: '#f2ede5',
    muted: '#bdb4a7',
    border: '#8f867a',
    rule: '#3a352f',
    accent: '#dcb57e',
    primary: '#f2ede5',
    onPrimary: '#161412',
    danger: '#f4a49c',
    onDanger: '#161412',
    success: '#8fd19e',
    warning: '#efc16a',
    focus: '#dcb57e',
  },
};

type Key = keyof Colours;
const BACKGROUNDS: Key[] = ['bg', 'surface', 'raised'];

/** Text on a background: 4.5:1 at least (WCAG 1.4.3). */
export const TEXT_PAIRS: [Key, Key][] = [
  ...(['ink', 'muted', 'accent', 'danger', 'success', 'warning'] as Key[]).flatMap((fg) =>
    BACKGROUNDS.map((bg): [Key, Key] => [fg, bg]),
  ),
  ['onPrimary', 'primary'],
  ['onDanger', 'danger'],
  ['bg', 'muted'],
];

/** Control edges, the focus ring and filled buttons against the page: 3:1 (WCAG 1.4.11). */
export const UI_PAIRS: [Key, Key][] = [
  ...(['border', 'focus', 'primary', 'danger', 'accent'] as Key[]).flatMap((fg) =>
    BACKGROUNDS.map((bg): [Key, Key] => [fg, bg]),
  ),
];

/** Type scale: size / line height. Body is `md`; headings use the serif stack. */
export const TYPE = {
  xs: ['0.8125rem', '1.45'],
  sm: ['0.9375rem', '1.5'],
  md: ['1rem', '1.6'],
  lg: ['1.1875rem', '1.45'],
  xl: ['1.5rem', '1.25'],
  '2xl': ['2rem', '1.15'],
} as const;

/** System fonts only: nothing is downloaded. The serif is Palatino and its look-alikes. */
export const FONTS = {
  sans: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", "Liberation Sans", Arial, sans-serif',
  serif:
    '"Iowan Old Style", "Palatino Linotype", Palatino, P052, "URW Palladio L", "Book Antiqua", Georgia, serif',
  mono: 'ui-monospace, "SF Mono", Menlo, Consolas, "Liberation Mono", monospace',
} as const;

export const SPACE = ['0.25rem', '0.5rem', '0.75rem', '1rem', '1.5rem', '2rem', '3rem'] as const;

export const RADIUS = { sm: '0.125rem', md: '0.25rem', lg: '0.5rem', pill: '999px' } as const;

const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** The colour custom properties of one scheme, e.g. `--t-on-primary: #faf8f5;`. */
export function colourDeclarations(scheme: Scheme): string {
  return Object.entries(PALETTE[scheme])
    .map(([name, value]) => `--t-${kebab(name)}: ${value};`)
    .join('\n');
}

/** Type, space, radii, fonts and the focus ring: the same in both schemes. */
export function scaleDeclarations(): string {
  const lines = [
    ...Object.entries(TYPE).flatMap(([step, [size, height]]) => [
      `--t-size-${step}: ${size};`,
      `--t-leading-${step}: ${height};`,
    ]),
    ...SPACE.map((value, i) => `--t-space-${i + 1}: ${value};`),
    ...Object.entries(RADIUS).map(([name, value]) => `--t-radius-${name}: ${value};`),
    ...Object.entries(FONTS).map(([name, value]) => `--t-font-${name}: ${value};`),
    '--t-focus-width: 3px;',
    '--t-focus-offset: 2px;',
    '--t-tap: 2.75rem;',
  ];
  return lines.join('\n');
}

/** Every token for a selector (`:root` or `:host`), light by default, dark when asked. */
export function tokenSheet(selector: string): string {
  return `${selector} {\ncolor-scheme: light dark;\n${scaleDeclarations()}\n${colourDeclarations('light')}\n}
@media (prefers-color-scheme: dark) {\n${selector} {\n${colourDeclarations('dark')}\n}\n}\n`;
}
