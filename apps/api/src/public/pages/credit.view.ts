import type { PublicCreditView } from '@app/credit';
import { bilingual, statusBadge } from './certificate.view';
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

export function creditSearchPage(ctx: PageContext, s: CreditSearchState): string {
  return layout(ctx, {
    title: ctx.t.creditTitle,
    section: 'registry',
    body: html`<h1>${ctx.t.creditTitle}</h1>
<p class="lead">${ctx.t.creditIntro}</p>
${creditForm(ctx, s)}`,
  });
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
<h2 id="enterprise">${bilingual(ctx, c.enterprise.nameZh, c.enterprise.nameEn)}</h2>
<dl class="facts"><dt>${t.creditCode}</dt><dd class="nw">${c.enterprise.creditCode}</dd></dl>
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
<dt>${
          t
            .reason('')
            .toString()
            .replace(/[:：]\\s*$/, '') || '—'
        }</dt><dd>${l.reasonCode ? html`${t.creditReasons[l.reasonCode] ?? l.reasonCode}<span class="sub">${l.reason}</span>` : l.reason}</dd>
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
    : html`<table>
<thead><tr><th scope="col">${t.certificateNumber}</th><th scope="col">${t.category}</th><th scope="col">${t.status}</th><th scope="col">${t.expiresOn}</th></tr></thead>
<tbody>${c.certificates.map(
        (x) =>
          html`<tr><td><a class="nw" href="${ctx.href(`/registry/${x.number}`)}">${x.number}</a></td><td>${
            ctx.lang === 'en' ? (x.category.nameEn ?? x.category.nameZh) : x.category.nameZh
          }</td><td>${statusBadge(ctx, x.status)}</td><td class="nw">${day(x.expiresOn)}</td></tr>`,
      )}</tbody>
</table>`
}
</section>
${creditForm(ctx, { code: '', error: null })}`,
  });
}
