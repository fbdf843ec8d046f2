import type { VerifiedCertificate } from '@app/certification';
import { html, SafeHtml } from './html';
import { day, PageContext } from './page-context';

/** The public fields of a certificate, as both the verification answer and the registry entry carry them. */
export type PublicCertificate = VerifiedCertificate;

/** A name in the page's language first, the other one beneath it. */
export function bilingual(ctx: PageContext, zh: string, en: string | null | undefined): SafeHtml {
  if (!en || en === zh) return html`<span class="name">${zh}</span>`;
  return ctx.lang === 'en'
    ? html`<span class="name" lang="en">${en}</span><span class="sub" lang="zh-Hans">${zh}</span>`
    : html`<span class="name">${zh}</span><span class="sub" lang="en">${en}</span>`;
}

export const statusBadge = (ctx: PageContext, status: string) => html`<span class="badge ${status}">${ctx.t.statuses[status] ?? status}</span>`;

export function modelList(models: string[]): SafeHtml {
  return html`<ul class="models">${models.map((m) => html`<li>${m}</li>`)}</ul>`;
}

/** What exactly is certified: holder, body, category, standard, dates, and the products or the service. */
export function certificateFacts(ctx: PageContext, c: PublicCertificate, opts: { withStatus?: boolean } = {}): SafeHtml {
  const t = ctx.t;
  const title = ctx.lang === 'en' ? (c.standard.titleEn ?? c.standard.titleZh) : c.standard.titleZh;
  return html`<dl class="facts">
<dt>${t.certificateNumber}</dt><dd><a href="${ctx.href(`/registry/${c.number}`)}">${c.number}</a></dd>
${opts.withStatus ? html`<dt>${t.status}</dt><dd>${statusBadge(ctx, c.status)}</dd>` : ''}
<dt>${t.edition}</dt><dd>${t.editionOf(c.lifecycle.edition)}</dd>
<dt>${t.holder}</dt><dd>${bilingual(ctx, c.holder.nameZh, c.holder.nameEn)}<span class="sub">${t.creditCode} ${c.holder.creditCode}</span></dd>
<dt>${t.certificationBody}</dt><dd>${bilingual(ctx, c.certificationBody.nameZh, c.certificationBody.nameEn)}</dd>
<dt>${t.category}</dt><dd>${ctx.lang === 'en' ? (c.category.nameEn ?? c.category.nameZh) : c.category.nameZh}</dd>
<dt>${t.standard}</dt><dd>${c.standard.code}-${c.standard.version}<span class="sub">${title}</span></dd>
<dt>${t.issuedOn}</dt><dd>${day(c.issuedOn)}</dd>
<dt>${t.expiresOn}</dt><dd>${day(c.expiresOn)}</dd>
</dl>`;
}

/** While a certificate is live it is surveilled, and a standard transition binds it; once ended, only its past is shown. */
const isLive = (c: PublicCertificate) => c.status === 'valid' || c.status === 'suspended';

const dateOf = (d: string) => html`<time class="nw" datetime="${d}">${day(d)}</time>`;

/** A standard transition under way, said first: by its deadline the certificate is re-evaluated or suspended. */
export function transitionNotice(ctx: PageContext, c: PublicCertificate): SafeHtml | '' {
  const transition = c.lifecycle.transition;
  if (!transition || !isLive(c)) return '';
  const standard = transition.standard ? `${transition.standard.code}-${transition.standard.version}` : c.standard.code;
  return html`<p class="note">${ctx.t.transitionNotice(dateOf(transition.deadline), html`<span class="nw">${standard}</span>`)}</p>`;
}

/**
 * The certificate's life after issue: its last surveillance (date and passed or failed: never the
 * findings), the next one due, and the certificates it renews and that renewed it.
 */
export function lifecycleSection(ctx: PageContext, c: PublicCertificate): SafeHtml {
  const t = ctx.t;
  const { surveillance, renews, renewedBy } = c.lifecycle;
  const link = (number: string) => html`<a class="nw" href="${ctx.href(`/registry/${number}`)}">${number}</a>`;
  return html`<h3>${t.lifecycle}</h3>
<dl class="facts">
${isLive(c) ? html`<dt>${t.surveillanceInterval}</dt><dd>${t.everyMonths(surveillance.intervalMonths)}</dd>` : ''}
<dt>${t.lastSurveillance}</dt><dd>${
    surveillance.lastOn
      ? html`${dateOf(surveillance.lastOn)} ${
          surveillance.lastOutcome ? html`<span class="badge ${surveillance.lastOutcome}">${t.surveillanceOutcomes[surveillance.lastOutcome]}</span>` : ''
        }`
      : html`<span class="none">${t.noSurveillanceYet}</span>`
  }</dd>
${isLive(c) && surveillance.nextDue ? html`<dt>${t.nextSurveillanceDue}</dt><dd>${dateOf(surveillance.nextDue)}</dd>` : ''}
${
  renews || renewedBy
    ? html`<dt>${t.lineage}</dt><dd>${renews ? html`<span class="line">${t.renewsLine(link(renews))}</span>` : ''}${
        renewedBy ? html`<span class="line">${t.renewedByLine(link(renewedBy))}</span>` : ''
      }</dd>`
    : ''
}
</dl>`;
}

export function scopeSection(ctx: PageContext, c: PublicCertificate): SafeHtml {
  const t = ctx.t;
  if (c.scope.kind === 'service' && c.scope.service) {
    const s = c.scope.service;
    return html`<h3>${t.service}</h3>
<dl class="facts"><dt>${t.productName}</dt><dd>${bilingual(ctx, s.nameZh, s.nameEn)}</dd>
<dt>${t.sites}</dt><dd><ul class="products">${s.sites.map((site) => html`<li>${site.name}<span class="sub">${site.address}</span></li>`)}</ul></dd></dl>`;
  }
  return html`<h3>${t.products}</h3>
<ul class="products">${(c.scope.products ?? []).map(
    (p) => html`<li><dl class="facts">
<dt>${t.productName}</dt><dd>${bilingual(ctx, p.nameZh, p.nameEn)}</dd>
<dt>${t.brand}</dt><dd>${p.brand}</dd>
<dt>${t.models}</dt><dd>${modelList(p.models)}</dd>
<dt>${t.factory}</dt><dd>${p.factoryAddress}</dd>
</dl></li>`,
  )}</ul>`;
}

/** One line for a results list: the products' names with brand. */
export function productsLine(ctx: PageContext, c: PublicCertificate): string {
  if (c.scope.kind === 'service') return (ctx.lang === 'en' ? c.scope.service?.nameEn : undefined) ?? c.scope.service?.nameZh ?? '';
  return (c.scope.products ?? []).map((p) => `${(ctx.lang === 'en' ? p.nameEn : undefined) ?? p.nameZh} · ${p.brand} ${p.models.join(' / ')}`).join('; ');
}
