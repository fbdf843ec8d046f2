import { HolderListingView, REGISTRY_STATUSES, RegistryHistoryEntry } from '@app/registry';
import { certificateFacts, lifecycleSection, productsLine, PublicCertificate, scopeSection, statusBadge, transitionNotice } from './certificate.view';
import { html, keepCodesWhole, SafeHtml } from './html';
import { languageField, layout } from './layout';
import { beijingTime, day, PageContext } from './page-context';

export interface RegistrySearchState {
  q: string;
  category: string;
  status: string;
  errors: Partial<Record<'q' | 'category' | 'status' | 'after', string>>;
  categories: { code: string; nameZh: string; nameEn: string | null }[];
  items: PublicCertificate[] | null;
  nextHref: string | null;
  paged: boolean;
}

export function registrySearchPage(ctx: PageContext, s: RegistrySearchState): string {
  const t = ctx.t;
  const qError = s.errors.q ?? s.errors.after;
  const filterError = s.errors.category ?? s.errors.status;
  const option = (value: string, label: string, selected: string) =>
    html`<option value="${value}"${value === selected ? html` selected` : ''}>${label}</option>`;
  const heading = s.q ? t.resultsFor(s.q) : t.latest;
  const results =
    s.items === null
      ? ''
      : html`<section aria-labelledby="results">
<div class="row"><h2 id="results">${heading}</h2><p class="hint">${t.shown(s.items.length)}</p></div>
${
  s.items.length === 0
    ? html`<p class="card">${t.noResults}</p>`
    : html`<ol class="results">${s.items.map(
        (c) => html`<li>
<div class="row"><h3><a href="${ctx.href(`/registry/${c.number}`)}">${c.number}</a></h3>${statusBadge(ctx, c.status)}</div>
<p class="holder">${ctx.lang === 'en' ? (c.holder.nameEn ?? c.holder.nameZh) : c.holder.nameZh}</p>
<p>${productsLine(ctx, c)}</p>
<p class="meta">${ctx.lang === 'en' ? (c.category.nameEn ?? c.category.nameZh) : c.category.nameZh} · ${t.expiresOn} <span class="nw">${day(c.expiresOn)}</span></p>
</li>`,
      )}</ol>`
}
<nav class="pager" aria-label="${t.nextPage}">
${s.paged ? html`<a href="${ctx.href('/registry', { q: s.q, category: s.category, status: s.status })}">${t.firstPage}</a>` : ''}
${s.nextHref ? html`<a href="${s.nextHref}" rel="next">${t.nextPage} →</a>` : ''}
</nav>
</section>`;
  return layout(ctx, {
    title: s.q ? `${s.q} · ${t.registryTitle}` : t.registryTitle,
    section: 'registry',
    body: html`<h1>${t.registryTitle}</h1>
<p class="lead">${t.registryIntro}</p>
<form class="card" method="get" action="/registry" role="search">
${languageField(ctx)}
<div class="field">
<label for="q">${t.searchLabel}</label>
<input id="q" name="q" type="search" value="${s.q}" maxlength="100" aria-describedby="q-hint${qError ? ' q-error' : ''}"${
      qError ? html` aria-invalid="true" class="invalid"` : ''
    }>
<p class="hint" id="q-hint">${keepCodesWhole(t.searchHint)}</p>
${qError ? html`<p class="field-error" id="q-error">${qError}</p>` : ''}
</div>
<div class="filters">
<div class="field"><label for="category">${t.categoryFilter}</label>
<select id="category" name="category">${option('', t.allCategories, s.category)}${s.categories.map((c) =>
      option(c.code, ctx.lang === 'en' ? (c.nameEn ?? c.nameZh) : c.nameZh, s.category),
    )}</select></div>
<div class="field"><label for="status">${t.status}</label>
<select id="status" name="status">${option('', t.allStatuses, s.status)}${REGISTRY_STATUSES.map((v) => option(v, t.statuses[v], s.status))}</select></div>
</div>
${filterError ? html`<p class="field-error">${filterError}</p>` : ''}
<button type="submit">${t.search}</button>
</form>
${results}`,
  });
}

/** A moment of the history, which a phone's narrow date column may break between its day and its time, never inside either. */
function dayAndTime(at: Date | string) {
  const [date, time] = beijingTime(at).split(' ');
  return html`<span class="nw">${date}</span> <span class="nw">${time}</span>`;
}

/** The record with its history in two columns, each public reason under its event: a phone's width holds no third one. */
/** The holder's listings in force, one line each: what a buyer should know before trusting the mark. */
function holderListingNotice(ctx: PageContext, record: PublicCertificate & { holderListings?: HolderListingView[] }): SafeHtml | '' {
  const listings = record.holderListings ?? [];
  if (!listings.length) return '';
  return html`<div class="note" data-holder-listing>${listings.map(
    (l) => html`<p>${ctx.t.holderListed(ctx.t.listingKinds[l.kind] ?? l.kind, html`<time datetime="${l.since}">${l.since}</time>`)}</p>`,
  )}<p><a href="${ctx.href(`/credit/${record.holder.creditCode}`)}">${ctx.t.creditOfHolder}</a></p></div>`;
}

export function registryRecordPage(
  ctx: PageContext,
  record: PublicCertificate & { history: RegistryHistoryEntry[]; holderListings?: HolderListingView[] },
): string {
  const t = ctx.t;
  return layout(ctx, {
    title: t.recordTitle(record.number),
    section: 'registry',
    body: html`<h1>${keepCodesWhole(t.recordTitle(record.number))}</h1>
<section class="card" aria-labelledby="certified">
<h2 id="certified">${t.certified}</h2>
${holderListingNotice(ctx, record)}
${transitionNotice(ctx, record)}
${certificateFacts(ctx, record, { withStatus: true })}
${lifecycleSection(ctx, record)}
${scopeSection(ctx, record)}
</section>
<section class="card" aria-labelledby="history">
<h2 id="history">${t.history}</h2>
<table>
<thead><tr><th scope="col">${t.date}</th><th scope="col">${t.event}</th></tr></thead>
<tbody>${record.history.map(
      (h) =>
        html`<tr><td><time datetime="${new Date(h.at).toISOString()}">${dayAndTime(h.at)}</time></td><td>${t.events[h.event] ?? h.event} ${statusBadge(ctx, h.status)}${
          h.publicReason ? html`<span class="reason">${t.reason(t.reasons[h.publicReason] ?? h.publicReason)}</span>` : ''
        }</td></tr>`,
    )}</tbody>
</table>
</section>
<p class="actions"><a href="${ctx.href('/verify', { code: record.number })}">${t.verifyThis}</a><a href="${ctx.href('/report', { code: record.number })}">${t.reportThis}</a></p>`,
  });
}
