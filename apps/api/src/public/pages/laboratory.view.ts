import { PUBLIC_LABORATORY_STATUSES, type PublicLaboratorySummary, type PublicLaboratoryView, type PublicScopeLineView } from '@app/laboratories';
import { MAX_PUBLIC_LIST_PAGE, type Page } from '@app/shared';
import { searchField } from './form-fields';
import { html, SafeHtml } from './html';
import { HTML_LANG } from './i18n';
import { LABORATORY_DICTIONARIES } from './laboratory-i18n';
import { languageField, layout } from './layout';
import { day, PageContext } from './page-context';

export interface LaboratoryDirectoryState {
  q: string;
  status: string;
  errors: Partial<Record<'q' | 'status', string>>;
  /** Null when the query was refused: the form alone, its fields marked. */
  found: Page<PublicLaboratorySummary> | null;
}

export interface ScopeSearchState {
  q: string;
  error: string | null;
  lines: Page<PublicScopeLineView> | null;
}

type Names = { nameZh: string; nameEn: string | null };
const nameOf = (ctx: PageContext, l: Names) => (ctx.lang === 'en' ? (l.nameEn ?? l.nameZh) : l.nameZh);
/** Text in the language the page is not in, marked so a screen reader reads it in that language's voice. */
const otherLanguage = (ctx: PageContext, text: string, cls = 'sub') =>
  html`<span class="${cls}" lang="${HTML_LANG[ctx.lang === 'zh' ? 'en' : 'zh']}">${text}</span>`;

/** Accreditation status in words with its own mark, never by colour alone. */
function statusBadge(ctx: PageContext, status: string): SafeHtml {
  const t = LABORATORY_DICTIONARIES[ctx.lang];
  return html`<span class="badge ${status === 'accredited' ? 'valid' : 'suspended'}">${t.statuses[status] ?? status}</span>`;
}

const validity = (l: PublicLaboratorySummary) => html`<span class="nw">${day(l.accreditedFrom)}</span> – <span class="nw">${day(l.accreditedUntil)}</span>`;

/**
 * A table cell that a phone shows as "label: value" (the stacked table of the layout's CSS): its
 * content in one element, so the label and the value are the cell's two columns.
 */
const cell = (label: string, content: SafeHtml | string) => html`<td data-label="${label}"><div>${content}</div></td>`;

/** Previous and next, and where the reader is; never a link past the last page a public list answers. */
function pager(ctx: PageContext, p: Page<unknown>, link: (page: number) => string): SafeHtml | '' {
  const t = LABORATORY_DICTIONARIES[ctx.lang];
  const last = Math.min(MAX_PUBLIC_LIST_PAGE, Math.ceil(p.total / p.pageSize));
  if (last <= 1) return '';
  return html`<nav class="pager" aria-label="${t.pages}">
${p.page > 1 ? html`<a href="${link(p.page - 1)}" rel="prev">← ${t.previous}</a>` : ''}
<span>${t.pageOf(p.page, last)}</span>
${p.page < last ? html`<a href="${link(p.page + 1)}" rel="next">${t.next} →</a>` : ''}
</nav>
${p.total > MAX_PUBLIC_LIST_PAGE * p.pageSize ? html`<p class="hint">${t.deepPages(MAX_PUBLIC_LIST_PAGE * p.pageSize)}</p>` : ''}`;
}

/** 检测实验室名录: the search form and the laboratories found, by Chinese name. */
export function laboratoryDirectoryPage(ctx: PageContext, s: LaboratoryDirectoryState): string {
  const t = LABORATORY_DICTIONARIES[ctx.lang];
  const option = (value: string, label: string) => html`<option value="${value}"${value === s.status ? html` selected` : ''}>${label}</option>`;
  const link = (page: number) => ctx.href('/laboratories', { q: s.q, status: s.status, page: page > 1 ? String(page) : undefined });
  const found = s.found;
  const results = !found
    ? ''
    : html`<section aria-labelledby="results">
<h2 id="results">${t.results(found.total)}</h2>
${
  found.items.length === 0
    ? html`<p class="card">${t.noResults}</p>`
    : html`<div class="card"><table class="stack">
<thead><tr><th scope="col">${t.cnasNumber}</th><th scope="col">${t.name}</th><th scope="col">${t.validity}</th><th scope="col">${t.status}</th></tr></thead>
<tbody>${found.items.map(
        (l) => html`<tr data-laboratory="${l.cnasNumber}">
${cell(t.cnasNumber, html`<a class="nw" href="${ctx.href(`/laboratories/${l.cnasNumber}`)}">${l.cnasNumber}</a>`)}
${cell(t.name, nameOf(ctx, l))}
${cell(t.validity, validity(l))}
${cell(t.status, statusBadge(ctx, l.status))}
</tr>`,
      )}</tbody>
</table></div>`
}
${pager(ctx, found, link)}
</section>`;
  return layout(ctx, {
    title: s.q ? `${s.q} · ${t.directoryTitle}` : t.directoryTitle,
    section: null,
    body: html`<h1>${t.directoryTitle}</h1>
<p class="lead">${t.directoryIntro}</p>
<form class="card" method="get" action="/laboratories" role="search">
${languageField(ctx)}
${searchField(t.searchLabel, t.searchHint, s.q, s.errors.q)}
<div class="field">
<label for="status">${t.statusFilter}</label>
<select id="status" name="status"${s.errors.status ? html` aria-invalid="true" aria-describedby="status-error" class="invalid"` : ''}>${option(
      '',
      t.allStatuses,
    )}${PUBLIC_LABORATORY_STATUSES.map((v) => option(v, t.statuses[v]))}</select>
${s.errors.status ? html`<p class="field-error" id="status-error">${s.errors.status}</p>` : ''}
</div>
<button type="submit">${t.search}</button>
</form>
${results}`,
  });
}

/** A laboratory of the register: its accreditation, and its scope lines page by page with a search of their own. */
export function laboratoryPage(ctx: PageContext, lab: PublicLaboratoryView, s: ScopeSearchState): string {
  const t = LABORATORY_DICTIONARIES[ctx.lang];
  const path = `/laboratories/${lab.cnasNumber}`;
  const link = (page: number) => ctx.href(path, { q: s.q, page: page > 1 ? String(page) : undefined });
  const lines = s.lines;
  const parameter = (l: PublicScopeLineView) =>
    ctx.lang === 'en' && l.parameterEn
      ? html`${l.parameterEn}${otherLanguage(ctx, l.parameterZh, 'reason')}`
      : html`${l.parameterZh}${ctx.lang === 'zh' && l.parameterEn ? otherLanguage(ctx, l.parameterEn, 'reason') : ''}`;
  const scopeTable = (p: Page<PublicScopeLineView>) => html`<table class="stack">
<thead><tr><th scope="col">${t.objectTested}</th><th scope="col">${t.parameter}</th><th scope="col">${t.standard}</th><th scope="col">${t.limits}</th></tr></thead>
<tbody>${p.items.map(
    (l) => html`<tr>
${cell(t.objectTested, l.objectTested)}
${cell(t.parameter, parameter(l))}
${cell(t.standard, html`<span class="nw">${l.standardCode}</span>${l.clause ? html` <span class="nw">${t.clause(l.clause)}</span>` : ''}`)}
${cell(t.limits, l.limits ?? html`<span class="none">${t.noLimits}</span>`)}
</tr>`,
  )}</tbody>
</table>`;
  const scope = html`<section class="card" aria-labelledby="scope">
<div class="row"><h2 id="scope">${t.scope}</h2><p>${t.scopeCount(lab.scopeLineCount)}</p></div>
${
  lab.scopeLineCount === 0
    ? html`<p>${t.scopeEmpty}</p>`
    : html`<form method="get" action="${path}" role="search">
${languageField(ctx)}
${searchField(t.scopeSearchLabel, t.scopeSearchHint, s.q, s.error)}
<p class="actions"><button type="submit">${t.scopeSearch}</button>${s.q ? html`<a href="${ctx.href(path)}">${t.scopeShowAll}</a>` : ''}</p>
</form>
${lines && s.q ? html`<p id="scope-found" role="status">${t.scopeFound(lines.total, lab.scopeLineCount)}</p>` : ''}
${lines ? (lines.items.length ? scopeTable(lines) : html`<p>${t.scopeNone}</p>`) : ''}
${lines ? pager(ctx, lines, link) : ''}`
}
</section>`;
  // The reason is the regulator's text as typed (in Chinese, most often): escaped like every value.
  const suspensions = lab.suspensions.length
    ? html`<section class="card" aria-labelledby="suspensions">
<h2 id="suspensions">${t.suspensions}</h2>
<p>${t.suspensionsIntro}</p>
<table class="stack">
<thead><tr><th scope="col">${t.suspendedFrom}</th><th scope="col">${t.reinstatedFrom}</th><th scope="col">${t.suspensionReason}</th></tr></thead>
<tbody>${lab.suspensions.map(
        (p) => html`<tr>
${cell(t.suspendedFrom, html`<span class="nw">${day(p.from)}</span>`)}
${cell(t.reinstatedFrom, p.until ? html`<span class="nw">${day(p.until)}</span>` : html`<strong>${t.ongoing}</strong>`)}
${cell(t.suspensionReason, p.reason)}
</tr>`,
      )}</tbody>
</table>
</section>`
    : '';
  return layout(ctx, {
    title: `${nameOf(ctx, lab)} · ${t.directoryTitle}`,
    section: null,
    body: html`<p><a href="${ctx.href('/laboratories')}">${t.directoryLink}</a></p>
<h1>${nameOf(ctx, lab)}</h1>
${lab.status === 'suspended' ? html`<p class="note" id="suspended"><strong>${t.statuses.suspended}</strong> · ${t.suspendedNotice}</p>` : ''}
<section class="card" aria-labelledby="facts">
<div class="row"><h2 id="facts" class="nw">CNAS ${lab.cnasNumber}</h2>${statusBadge(ctx, lab.status)}</div>
<dl class="facts">
<dt>${t.nameZh}</dt><dd lang="${HTML_LANG.zh}">${lab.nameZh}</dd>
${lab.nameEn ? html`<dt>${t.nameEn}</dt><dd lang="${HTML_LANG.en}">${lab.nameEn}</dd>` : ''}
<dt>${t.validity}</dt><dd>${validity(lab)}</dd>
<dt>${t.status}</dt><dd>${t.statuses[lab.status] ?? lab.status}</dd>
</dl>
</section>
${suspensions}
${scope}`,
  });
}
