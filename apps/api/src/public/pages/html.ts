import escapeHtml from 'escape-html';

/** Markup that is already safe: produced by `html` (whose holes were escaped) or a constant of ours. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

type Hole = SafeHtml | string | number | null | undefined | false | readonly Hole[];

function render(hole: Hole): string {
  if (hole === null || hole === undefined || hole === false) return '';
  if (hole instanceof SafeHtml) return hole.value;
  if (Array.isArray(hole)) return hole.map(render).join('');
  return escapeHtml(String(hole));
}

/**
 * Templates escape by default: every interpolated value goes through escape-html unless it is
 * SafeHtml (a nested template). So data from the database or the request can only ever be text.
 */
export function html(strings: TemplateStringsArray, ...holes: Hole[]): SafeHtml {
  let out = strings[0];
  for (let i = 0; i < holes.length; i++) out += render(holes[i]) + strings[i + 1];
  return new SafeHtml(out);
}

/** Text with the codes in it (SZS-2026-000123-F, HQ-X1) kept on one line, so a narrow screen never splits one. */
export function keepCodesWhole(text: string): SafeHtml {
  const parts = text.split(/([A-Z0-9]+(?:-[A-Z0-9]+)+)/);
  return html`${parts.map((part, i) => (i % 2 ? html`<span class="nw">${part}</span>` : part))}`;
}
