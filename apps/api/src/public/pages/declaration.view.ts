import type { FrontrunnerListDetailView, FrontrunnerListView, SelfDeclarationDetailView, SelfDeclarationView } from '@app/scheme';
import type { Page } from '@app/shared';
import { DECLARATION_DICTIONARIES, DeclarationDict } from './declaration-i18n';
import { searchField } from './form-fields';
import { html, keepCodesWhole, SafeHtml } from './html';
import { languageField, layout } from './layout';
import { beijingTime, PageContext } from './page-context';

const dict = (ctx: PageContext): DeclarationDict => DECLARATION_DICTIONARIES[ctx.lang];
const nameOf = (ctx: PageContext, o: { nameZh: string; nameEn: string | null }) => (ctx.lang === 'en' ? (o.nameEn ?? o.nameZh) : o.nameZh);
const productOf = (ctx: PageContext, d: { productNameZh: string; productNameEn: string | null }) =>
  ctx.lang === 'en' ? (d.productNameEn ?? d.productNameZh) : d.productNameZh;
const when = (at: Date | string) => html`<time datetime="${new Date(at).toISOString()}">${beijingTime(at)}</time>`;
/** The declaration's status in words, never by colour alone (the badge classes are the registry's). */
const statusBadge = (t: DeclarationDict, status: string) =>
  html`<span class="badge ${status === 'published' ? 'valid' : 'withdrawn'}">${t.statuses[status] ?? status}</span>`;
const flaggedBadge = (t: DeclarationDict) => html`<span class="badge suspended">⚠ ${t.flagged}</span>`;

export interface DirectoryState {
  q: string;
  flagged: boolean;
  page: number;
  error: string | null;
  result: Page<SelfDeclarationView> | null;
}

/** The directory: the search form and a page of published declarations. */
export function declarationDirectoryPage(ctx: PageContext, s: DirectoryState): string {
  const t = dict(ctx);
  const query = (page: number) => ctx.href('/declarations', { q: s.q, flagged: s.flagged ? 'true' : undefined, page: page > 1 ? String(page) : undefined });
  const r = s.result;
  const results = !r
    ? ''
    : html`<section aria-labelledby="results">
<div class="row"><h2 id="results">${s.q ? t.resultsFor(s.q) : t.latest}</h2><p class="hint">${t.total(r.total)}</p></div>
${
  r.items.length === 0
    ? html`<p class="card">${t.noResults}</p>`
    : html`<ol class="results">${r.items.map(
        (d) => html`<li>
<div class="row"><h3><a href="${ctx.href(`/declarations/${d.id}`)}">${productOf(ctx, d)}</a></h3>${d.flags.length ? flaggedBadge(t) : ''}</div>
<p class="holder">${nameOf(ctx, d.enterprise)} <span class="nw">${d.enterprise.creditCode}</span></p>
<p>${keepCodesWhole(d.standards.map((x) => `${x.code}${x.version ? `-${x.version}` : ''}`).join(' · '))}</p>
<p class="meta">${t.models}: ${keepCodesWhole(d.models.join(', '))} · ${t.version} ${d.version} · ${t.publishedAt} ${when(d.publishedAt)}</p>
</li>`,
      )}</ol>`
}
<nav class="pager" aria-label="${t.nextPage}">
${s.page > 1 ? html`<a href="${query(s.page - 1)}" rel="prev">← ${t.prevPage}</a>` : ''}
${s.page * r.pageSize < r.total ? html`<a href="${query(s.page + 1)}" rel="next">${t.nextPage} →</a>` : ''}
</nav>
</section>`;
  return layout(ctx, {
    title: s.q ? `${s.q} · ${t.directoryTitle}` : t.directoryTitle,
    section: null,
    body: html`<h1>${t.directoryTitle}</h1>
<p class="lead">${t.directoryIntro}</p>
<form class="card" method="get" action="/declarations" role="search">
${languageField(ctx)}
${searchField(t.searchLabel, t.searchHint, s.q, s.error)}
<div class="field"><label for="flagged">${t.flagsTitle}</label>
<select id="flagged" name="flagged"><option value="">${t.allDeclarations}</option><option value="true"${s.flagged ? html` selected` : ''}>${t.flaggedOnly}</option></select></div>
<button type="submit">${t.search}</button>
</form>
${results}
<p class="actions"><a href="${ctx.href('/frontrunners')}">${t.toFrontrunners}</a></p>`,
  });
}

function flagLine(t: DeclarationDict, f: SelfDeclarationView['flags'][number]): SafeHtml {
  const text =
    f.kind === 'weaker' ? t.weaker(f.indicator ?? '', f.value, f.standardCode, f.clause, f.bound) : t.missing(f.requirement, f.standardCode, f.clause, f.bound);
  return html`<li><strong>⚠ ${t.flagWord[f.kind]}</strong>: ${keepCodesWhole(text)}</li>`;
}

/** One version of a declaration: standards, indicators with their flags, products, the commitment, the versions. */
export function declarationPage(ctx: PageContext, d: SelfDeclarationDetailView): string {
  const t = dict(ctx);
  const flagged = new Set(d.flags.filter((f) => f.kind === 'weaker').map((f) => f.requirementId));
  return layout(ctx, {
    title: t.declarationTitle(productOf(ctx, d)),
    section: null,
    body: html`<h1>${t.declarationTitle(productOf(ctx, d))}</h1>
<section class="card" aria-labelledby="facts">
<h2 id="facts" class="row">${nameOf(ctx, d.enterprise)} ${statusBadge(t, d.status)}</h2>
<dl class="facts">
<dt>${t.creditCode}</dt><dd class="nw">${d.enterprise.creditCode}</dd>
<dt>${t.version}</dt><dd>${d.version}</dd>
<dt>${t.publishedAt}</dt><dd>${when(d.publishedAt)}</dd>
${d.categoryCode ? html`<dt>${t.category}</dt><dd>${d.categoryCode}</dd>` : ''}
<dt>${t.models}</dt><dd>${keepCodesWhole(d.models.join(', '))}</dd>
</dl>
</section>
<section class="card" aria-labelledby="standards">
<h2 id="standards">${t.standards}</h2>
<ul class="products">${d.standards.map(
      (
        s,
      ) => html`<li><strong>${keepCodesWhole(`${s.code}${s.version ? `-${s.version}` : ''}`)}</strong> ${ctx.lang === 'en' ? (s.titleEn ?? s.titleZh) : s.titleZh}
<span class="hint">${t.kinds[s.kind] ?? s.kind}</span></li>`,
    )}</ul>
</section>
<section class="card" aria-labelledby="indicators">
<h2 id="indicators">${t.indicators}</h2>
<table>
<thead><tr><th scope="col">${t.indicator}</th><th scope="col">${t.value}</th></tr></thead>
<tbody>${d.keyIndicators.map(
      (k) =>
        html`<tr><td>${k.name}${k.requirementId && flagged.has(k.requirementId) ? html` <span class="badge suspended">⚠ ${t.flagWord.weaker}</span>` : ''}${
          k.testMethod ? html`<span class="reason">${t.testMethod}: ${k.testMethod}</span>` : ''
        }</td><td class="nw">${k.value}${k.unit ? ` ${k.unit}` : ''}</td></tr>`,
    )}</tbody>
</table>
<h3>${t.flagsTitle}</h3>
${d.flags.length ? html`<div class="note"><p>${t.flagsIntro}</p><ul>${d.flags.map((f) => flagLine(t, f))}</ul></div>` : html`<p>${t.flagsNone}</p>`}
</section>
${
  d.products.length
    ? html`<section class="card" aria-labelledby="products">
<h2 id="products">${t.products}</h2>
<ul class="products">${d.products.map(
        (p) => html`<li><dl class="facts">
<dt>${t.product}</dt><dd>${p.name}</dd>
<dt>${t.brand}</dt><dd>${p.brand}</dd>
<dt>${t.model}</dt><dd>${keepCodesWhole(p.model)}</dd>
${p.barcode ? html`<dt>${t.barcode}</dt><dd class="nw">${p.barcode}</dd>` : ''}
${p.specification ? html`<dt>${t.specification}</dt><dd>${p.specification}</dd>` : ''}
</dl></li>`,
      )}</ul>
</section>`
    : ''
}
<section class="card" aria-labelledby="commitment">
<h2 id="commitment">${t.commitment}</h2>
${
  d.commitment
    ? html`<p>${d.commitment.text}</p>
<dl class="facts">
<dt>${t.signerRole}</dt><dd>${t.roles[d.commitment.signerRole] ?? d.commitment.signerRole}</dd>
<dt>${t.signedAt}</dt><dd>${when(d.commitment.signedAt)}</dd>
<dt>${t.contentHash}</dt><dd><code>${d.commitment.contentHash}</code></dd>
</dl>`
    : html`<p>${t.noCommitment}</p>`
}
</section>
<section class="card" aria-labelledby="versions">
<h2 id="versions">${t.versions}</h2>
<table>
<thead><tr><th scope="col">${t.version}</th><th scope="col">${t.status}</th><th scope="col">${t.publishedAt}</th></tr></thead>
<tbody>${d.versions.map(
      (v) =>
        html`<tr><td>${v.id === d.id ? html`<strong>${v.version}</strong> (${t.thisVersion})` : html`<a href="${ctx.href(`/declarations/${v.id}`)}">${v.version}</a>`}</td><td>${statusBadge(
          t,
          v.status,
        )}</td><td>${when(v.publishedAt)}</td></tr>`,
    )}</tbody>
</table>
</section>
<p class="actions"><a href="${ctx.href('/declarations')}">${t.toDirectory}</a><a href="${ctx.href('/frontrunners')}">${t.toFrontrunners}</a></p>`,
  });
}

const listHeading = (ctx: PageContext, t: DeclarationDict, l: FrontrunnerListView) =>
  t.listTitle(l.year, (ctx.lang === 'en' ? l.categoryNameEn : l.categoryNameZh) ?? l.categoryCode, l.indicator);

/** The published frontrunner lists, newest first. */
export function frontrunnerListsPage(ctx: PageContext, lists: Page<FrontrunnerListView>): string {
  const t = dict(ctx);
  const next = lists.page * lists.pageSize < lists.total ? ctx.href('/frontrunners', { page: String(lists.page + 1) }) : null;
  return layout(ctx, {
    title: t.frontrunnersTitle,
    section: null,
    body: html`<h1>${t.frontrunnersTitle}</h1>
<p class="lead">${t.frontrunnersIntro}</p>
${
  lists.items.length
    ? html`<ol class="results">${lists.items.map(
        (l) => html`<li>
<h3><a href="${ctx.href(`/frontrunners/${l.id}`)}">${listHeading(ctx, t, l)}</a></h3>
<p class="meta">${t.direction[l.direction]}${l.unit ? ` (${l.unit})` : ''} · ${t.rule(l.size, l.ranked)} · ${t.publishedOn} ${when(l.publishedAt)}</p>
</li>`,
      )}</ol>`
    : html`<p class="card">${t.noLists}</p>`
}
<nav class="pager" aria-label="${t.nextPage}">${next ? html`<a href="${next}" rel="next">${t.nextPage} →</a>` : ''}</nav>
<p class="actions"><a href="${ctx.href('/declarations')}">${t.toDirectory}</a></p>`,
  });
}

/** One list: the frontrunners with the values recorded when it was published, and where each declaration stands now. */
export function frontrunnerListPage(ctx: PageContext, l: FrontrunnerListDetailView): string {
  const t = dict(ctx);
  return layout(ctx, {
    title: listHeading(ctx, t, l),
    section: null,
    body: html`<h1>${listHeading(ctx, t, l)}</h1>
<p class="lead">${t.direction[l.direction]}${l.unit ? ` (${l.unit})` : ''} · ${t.rule(l.size, l.ranked)} · ${t.publishedOn} ${when(l.publishedAt)}</p>
<section class="card">
<table>
<thead><tr><th scope="col">${t.rank}</th><th scope="col">${t.enterprise}</th><th scope="col">${t.listedValue}</th></tr></thead>
<tbody>${l.entries.map(
      (e) =>
        html`<tr><td>${e.rank}</td><td><a href="${ctx.href(`/declarations/${e.declarationId}`)}">${nameOf(ctx, e.enterprise)}</a><span class="reason">${productOf(
          ctx,
          e,
        )}</span>${statusBadge(t, e.status)}</td><td class="nw">${e.value}${l.unit ? ` ${l.unit}` : ''}</td></tr>`,
    )}</tbody>
</table>
</section>
<p class="note">${t.listNote}</p>
<p class="actions"><a href="${ctx.href('/frontrunners')}">${t.toFrontrunners}</a><a href="${ctx.href('/declarations')}">${t.toDirectory}</a></p>`,
  });
}
