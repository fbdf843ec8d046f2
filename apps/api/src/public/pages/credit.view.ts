import type { PublicCreditView, PublicSeriousListingView } from '@app/credit';
import { MAX_PUBLIC_LIST_PAGE, type Page } from '@app/shared';
import { statusBadge } from './certificate.view';
import { html } from './html';
import { languageField, layout } from './layout';
import { beijingTime, day, PageContext } from './page-context';

export interface CreditSearchState {
  code: string;
  error: 'invalid' | 'notFound' | null;
}

/** The look-up form by credit code: the page's own form, and above a refused or unknown code. */
function creditForm(ctx: PageContext, s: CreditSearchState) {
  const t = ctx.t;
  const message = s.error === 'invalid' ? t.creditInvalid : s.error === 'notFound' ? t.creditNotFound : '';
  return html`<form class="card" method="get" action="/credit" role="search">
${languageField(ctx)}
<div class="field">
<label for="code">${t.creditCode}</label>
<input id="code" name="code" value="${s.code}" maxlength="18" autocomplete="off" spellcheck="false" aria-describedby="code-hint${message ? ' code-error' : ''}"${
    message ? html` aria-invalid="true" class="invalid"` : ''
  }>
<p class="hint" id="code-hint">${t.creditCodeHint}</p>
${message ? html`<p class="field-error" id="code-error">${message}</p>` : ''}
</div>
<button type="submit">${t.creditSearch}</button>
</form>`;
}

export function creditSearchPage(ctx: PageContext, s: CreditSearchState, serious?: Page<PublicSeriousListingView>): string {
  return layout(ctx, {
    title: ctx.t.creditTitle,
    section: 'registry',
    body: html`<h1>${ctx.t.creditTitle}</h1>
<p class="lead">${ctx.t.creditIntro}</p>
${creditForm(ctx, s)}
${serious ? seriousList(ctx, serious) : ''}`,
  });
}

/** 严重违法失信名单公示: the listings on display, newest first, each leading to the enterprise's credit page. */
function seriousList(ctx: PageContext, p: Page<PublicSeriousListingView>) {
  const t = ctx.t;
  const last = Math.min(MAX_PUBLIC_LIST_PAGE, Math.ceil(p.total / p.pageSize));
  const link = (page: number) => ctx.href('/credit', { page: page > 1 ? String(page) : undefined });
  return html`<section aria-labelledby="serious">
<div class="row"><h2 id="serious">${t.seriousListTitle}</h2><p class="meta">${t.seriousListCount(p.total)}</p></div>
<p>${t.seriousListIntro}</p>
${
  p.items.length === 0
    ? html`<p class="card">${t.seriousListEmpty}</p>`
    : html`<ol class="results">${p.items.map((l) => {
        const name = ctx.lang === 'en' ? (l.enterprise.nameEn ?? l.enterprise.nameZh) : l.enterprise.nameZh;
        return html`<li data-listing="serious_violation">
<p class="holder"><a href="${ctx.href(l.creditPage)}">${name}</a></p>
<p class="meta"><span class="nw">${l.enterprise.creditCode}</span> · ${t.creditListedOn} <time datetime="${new Date(l.listedAt).toISOString()}">${day(
          beijingTime(l.listedAt).slice(0, 10),
        )}</time> · ${l.decisionNumber} · ${l.decidingAuthority}</p>
<p>${t.creditReasonLabel}${ctx.lang === 'zh' ? '：' : ': '}${l.reason}</p>
</li>`;
      })}</ol>`
}
<nav class="pager" aria-label="${t.seriousListTitle}">
${p.page > 1 ? html`<a href="${link(p.page - 1)}" rel="prev">← ${t.previousPage}</a>` : ''}
${p.page < last ? html`<a href="${link(p.page + 1)}" rel="next">${t.nextPage} →</a>` : ''}
</nav>
</section>`;
}

/** An enterprise's public credit page: the listings in force still displayed, then its certificates. */
export function creditPage(ctx: PageContext, c: PublicCreditView): string {
  const t = ctx.t;
  const name = ctx.lang === 'en' ? (c.enterprise.nameEn ?? c.enterprise.nameZh) : c.enterprise.nameZh;
  return layout(ctx, {
    title: `${name} · ${t.creditTitle}`,
    section: 'registry',
    body: html`<h1>${t.creditTitle}</h1>
<section class="card" aria-labelledby="enterprise">
<h2 id="enterprise">${name}</h2>
<dl class="facts">${
      c.enterprise.nameEn && c.enterprise.nameEn !== c.enterprise.nameZh
        ? html`<dt>${t.creditOtherName}</dt><dd>${ctx.lang === 'en' ? c.enterprise.nameZh : c.enterprise.nameEn}</dd>`
        : ''
    }<dt>${t.creditCode}</dt><dd class="nw">${c.enterprise.creditCode}</dd></dl>
</section>
<section class="card" aria-labelledby="listings">
<h2 id="listings">${t.creditListings}</h2>
${
  c.listings.length === 0
    ? html`<p>${t.creditNoListings}</p>`
    : c.listings.map(
        (l) => html`<div class="note" data-listing="${l.kind}">
<h3>${t.listingKinds[l.kind] ?? l.kind}</h3>
<dl class="facts">
<dt>${t.creditReasonLabel}</dt><dd>${l.reasonCode ? html`${t.creditReasons[l.reasonCode] ?? l.reasonCode}<span class="sub">${l.reason}</span>` : l.reason}</dd>
<dt>${t.creditListedOn}</dt><dd><time datetime="${new Date(l.listedAt).toISOString()}">${day(beijingTime(l.listedAt).slice(0, 10))}</time></dd>
${l.decisionNumber ? html`<dt>${t.creditDecision}</dt><dd>${l.decisionNumber}<span class="sub">${l.decidingAuthority ?? ''}</span></dd>` : ''}
</dl>
</div>`,
      )
}
</section>
<section class="card" aria-labelledby="certificates">
<h2 id="certificates">${t.creditCertificates}</h2>
${
  c.certificates.length === 0
    ? html`<p>${t.creditNoCertificates}</p>`
    : html`<ol class="results">${c.certificates.map(
        (x) => html`<li>
<div class="row"><h3><a href="${ctx.href(`/registry/${x.number}`)}">${x.number}</a></h3>${statusBadge(ctx, x.status)}</div>
<p class="meta">${ctx.lang === 'en' ? (x.category.nameEn ?? x.category.nameZh) : x.category.nameZh} · ${t.expiresOn} <span class="nw">${day(x.expiresOn)}</span></p>
</li>`,
      )}</ol>`
}
</section>
${creditForm(ctx, { code: '', error: null })}`,
  });
}
