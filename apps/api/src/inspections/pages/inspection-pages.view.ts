import type { Page as ResultPage } from '@app/shared';
import type { DrawnTargetView, PublicPlanSummary, PublicPlanView, VerificationView } from '@app/inspections';
import { html, keepCodesWhole, SafeHtml } from '../../public/pages/html';
import { layout } from '../../public/pages/layout';
import { beijingTime, PageContext } from '../../public/pages/page-context';
import { INSPECTION_DICTIONARIES } from './inspection-i18n';

const name = (ctx: PageContext, zh: string, en: string | null) => (ctx.lang === 'en' && en ? en : zh);

/** A long hex value (the page wraps it anywhere rather than scroll sideways). */
const hex = (value: string) => html`<code>${value}</code>`;

export function inspectionListPage(ctx: PageContext, page: ResultPage<PublicPlanSummary>, year: string): string {
  const t = INSPECTION_DICTIONARIES[ctx.lang];
  const pages = Math.max(1, Math.ceil(page.total / page.pageSize));
  const link = (p: number) => ctx.href('/inspections', { year: year || undefined, page: p > 1 ? String(p) : undefined });
  const items = page.items.map(
    (p) => html`<li>
<div class="row"><h3><a href="${ctx.href(`/inspections/${p.id}`)}">${p.name}</a></h3>
<span class="badge ${p.status === 'results_recorded' || p.status === 'closed' ? 'passed' : 'suspended'}">${t.status[p.status]}</span></div>
<p class="meta">${t.year} ${p.year} · ${t.population} ${p.populationSize} · ${t.drawnCount} ${p.drawnCount}${
      p.nonconformingCount === null ? '' : html` · ${t.nonconforming} ${p.nonconformingCount}`
    }</p>
<p class="meta">${t.committedAt} ${beijingTime(p.committedAt)}${p.drawnAt ? html` · ${t.drawnAt} ${beijingTime(p.drawnAt)}` : ''}</p>
</li>`,
  );
  return layout(ctx, {
    title: t.listTitle,
    section: null,
    body: html`<h1>${t.listTitle}</h1>
<p class="lead">${t.listIntro}</p>
<form class="card filters" method="get" action="/inspections">
${ctx.explicit ? html`<input type="hidden" name="lang" value="${ctx.lang}">` : ''}
<div class="field"><label for="year">${t.year}</label><input id="year" name="year" inputmode="numeric" maxlength="4" placeholder="${t.allYears}" value="${year}"></div>
<div class="field"><button type="submit">${t.show}</button></div>
</form>
${page.items.length ? html`<ul class="results">${items}</ul>` : html`<p class="card">${t.none}</p>`}
<nav class="pager" aria-label="pages">${page.page > 1 ? html`<a href="${link(page.page - 1)}">${t.previous}</a>` : ''}${
      page.page < pages ? html`<a href="${link(page.page + 1)}">${t.next}</a>` : ''
    }</nav>`,
  });
}

/** One drawn target: what it is, whose, its risk class, its inspectors, and its result once published. */
function drawItem(ctx: PageContext, d: DrawnTargetView): SafeHtml {
  const t = INSPECTION_DICTIONARIES[ctx.lang];
  const r = d.result;
  return html`<li>
<div class="row"><h3>${d.position}. ${keepCodesWhole(d.kind === 'holder' ? name(ctx, d.enterprise.nameZh, d.enterprise.nameEn) : d.label)}</h3>${
    r ? html`<span class="badge ${r.outcome === 'conforming' ? 'passed' : 'failed'}">${t.outcome[r.outcome]}</span>` : ''
  }</div>
${d.kind === 'holder' ? '' : html`<p class="holder">${name(ctx, d.enterprise.nameZh, d.enterprise.nameEn)}</p>`}
<p class="meta">${t.kind[d.kind]} · ${t.risk} ${d.riskClass} · ${t.inspectors}：${d.inspectors.map((i, n) => html`${n ? '、' : ''}${i.name} <span class="nw">${i.badgeNumber}</span>`)}</p>
${
  r
    ? html`<p class="meta">${t.inspectedOn} ${r.inspectedOn}</p>${
        r.findings.length ? html`<p class="meta">${t.findings}：</p><ul>${r.findings.map((f) => html`<li>${f.matterCode}：${f.text}</li>`)}</ul>` : ''
      }`
    : html`<p class="meta">${t.result}：${t.resultPending}</p>`
}
</li>`;
}

export function inspectionPlanPage(ctx: PageContext, plan: PublicPlanView, verdict: VerificationView): string {
  const t = INSPECTION_DICTIONARIES[ctx.lang];
  const json = `/api/v1/public/inspection-plans/${plan.id}`;
  const verdictText = !verdict.drawn ? t.verdictPending : verdict.matches ? t.verdictOk : t.verdictBad;
  return layout(ctx, {
    title: plan.name,
    section: null,
    body: html`<p class="lead"><a href="${ctx.href('/inspections')}">${t.listTitle}</a></p>
<h1>${plan.name}</h1>
<div class="card">
<dl class="facts">
<dt>${t.year}</dt><dd>${plan.year}</dd>
<dt>${t.statusLabel}</dt><dd>${t.status[plan.status]}</dd>
<dt>${t.matters}</dt><dd>${plan.matters.map((m) => html`<span class="line">${m.code} ${name(ctx, m.nameZh, m.nameEn)}</span>`)}</dd>
<dt>${t.rates}</dt><dd>${(['A', 'B', 'C', 'D'] as const).map((c) => html`<span class="line">${t.rateClass(c)}：${plan.rates[c]}%</span>`)}<span class="sub">${t.riskNote}</span></dd>
<dt>${t.inspectorsPerTarget}</dt><dd>${plan.inspectorsPerTarget}</dd>
<dt>${t.population}</dt><dd>${plan.populationSize}</dd>
</dl>
</div>
<div class="card">
<h2>${t.fairness}</h2>
<p class="${verdict.drawn && !verdict.matches ? 'note' : ''}">${verdictText}</p>
<dl class="facts">
<dt>${t.algorithm}</dt><dd>${plan.algorithm}</dd>
<dt>${t.commitment}</dt><dd>${hex(plan.commitment ?? '')}</dd>
<dt>${t.seed}</dt><dd>${plan.seed ? hex(plan.seed) : html`<span class="none">${t.seedPending}</span>`}</dd>
<dt>${t.populationHash}</dt><dd>${hex(plan.populationHash ?? '')}</dd>
<dt>${t.inspectorsHash}</dt><dd>${hex(plan.inspectorsHash ?? '')}</dd>
<dt>${t.committedAt}</dt><dd>${plan.committedAt ? beijingTime(plan.committedAt) : ''}</dd>
${plan.drawnAt ? html`<dt>${t.drawnAt}</dt><dd>${beijingTime(plan.drawnAt)}</dd>` : ''}
</dl>
<p class="actions"><a href="${json}">${t.json}</a><a href="${json}/verify">${t.verifyLink}</a></p>
</div>
<div class="card">
<h2>${t.drawTitle}</h2>
${plan.draw.length ? html`<ul class="results">${plan.draw.map((d) => drawItem(ctx, d))}</ul>` : html`<p>${t.drawPending}</p>`}
</div>`,
  });
}
