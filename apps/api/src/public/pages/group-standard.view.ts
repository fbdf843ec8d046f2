import type { GroupStandardSummary, GroupStandardView, PublicCommentReceipt } from '@app/scheme';
import { errorSummary, formField, FormState, searchField } from './form-fields';
import { GROUP_STANDARD_DICTIONARIES } from './group-standard-i18n';
import { html, SafeHtml } from './html';
import { languageField, layout } from './layout';
import { beijingTime, day, PageContext } from './page-context';

export const COMMENT_FIELDS = ['clause', 'text', 'name', 'email'] as const;
export type CommentField = (typeof COMMENT_FIELDS)[number];
export type CommentFormState = FormState<CommentField>;

/** The statuses the directory filters by: everything the public sees. */
export const PUBLIC_STATUSES = ['approved', 'drafting', 'public_comment', 'technical_review', 'published', 'review', 'superseded', 'withdrawn'] as const;

export interface DirectoryState {
  q: string;
  status: string;
  associationId: string;
  page: number;
  errors: Partial<Record<'q' | 'status', string>>;
  associations: { id: string; name: string }[];
  items: GroupStandardSummary[] | null;
  total: number;
  pageSize: number;
}

const title = (ctx: PageContext, g: { titleZh: string; titleEn: string | null }) => (ctx.lang === 'en' ? (g.titleEn ?? g.titleZh) : g.titleZh);
const associationName = (ctx: PageContext, a: { nameZh: string; nameEn: string | null }) => (ctx.lang === 'en' ? (a.nameEn ?? a.nameZh) : a.nameZh);

/** A status in words with its own mark, never by colour alone. */
function statusBadge(ctx: PageContext, status: string): SafeHtml {
  const t = GROUP_STANDARD_DICTIONARIES[ctx.lang];
  const tone =
    status === 'published' ? 'valid' : status === 'withdrawn' || status === 'superseded' ? 'withdrawn' : status === 'public_comment' ? 'suspended' : '';
  return html`<span class="badge ${tone}">${t.statuses[status] ?? status}</span>`;
}

export function directoryPage(ctx: PageContext, s: DirectoryState): string {
  const t = GROUP_STANDARD_DICTIONARIES[ctx.lang];
  const option = (value: string, label: string, selected: string) =>
    html`<option value="${value}"${value === selected ? html` selected` : ''}>${label}</option>`;
  const link = (page: number) =>
    ctx.href('/group-standards', { q: s.q, status: s.status, associationId: s.associationId, page: page > 1 ? String(page) : undefined });
  const last = Math.min(50, Math.ceil(s.total / s.pageSize));
  const results =
    s.items === null
      ? ''
      : html`<section aria-labelledby="results">
<div class="row"><h2 id="results">${t.results(s.total)}</h2></div>
${
  s.items.length === 0
    ? html`<p class="card">${t.noResults}</p>`
    : html`<ol class="results">${s.items.map(
        (g) => html`<li>
<div class="row"><p class="holder"><a href="${ctx.href(`/group-standards/${g.id}`)}">${title(ctx, g)}</a></p>${statusBadge(ctx, g.status)}</div>
<p class="meta">${g.number ? html`<span class="nw">${g.number}</span> · ` : ''}${associationName(ctx, g.association)}${g.publishedOn ? html` · ${t.publishedOn} <span class="nw">${day(g.publishedOn)}</span>` : ''}${
          g.status === 'public_comment' && g.commentTo ? html` · ${t.commentPeriod} <span class="nw">${day(g.commentFrom)} – ${day(g.commentTo)}</span>` : ''
        }</p>
</li>`,
      )}</ol>`
}
<nav class="pager" aria-label="${t.next}">
${s.page > 1 ? html`<a href="${link(s.page - 1)}" rel="prev">← ${t.previous}</a>` : ''}
${s.page < last ? html`<a href="${link(s.page + 1)}" rel="next">${t.next} →</a>` : ''}
</nav>
</section>`;
  return layout(ctx, {
    title: s.q ? `${s.q} · ${t.directoryTitle}` : t.directoryTitle,
    section: null,
    body: html`<h1>${t.directoryTitle}</h1>
<p class="lead">${t.directoryIntro}</p>
<form class="card" method="get" action="/group-standards" role="search">
${languageField(ctx)}
${searchField(t.searchLabel, t.searchHint, s.q, s.errors.q)}
<div class="filters">
<div class="field"><label for="status">${t.statusFilter}</label>
<select id="status" name="status">${option('', t.allStatuses, s.status)}${PUBLIC_STATUSES.map((v) => option(v, t.statuses[v], s.status))}</select></div>
<div class="field"><label for="associationId">${t.association}</label>
<select id="associationId" name="associationId">${option('', t.allAssociations, s.associationId)}${s.associations.map((a) =>
      option(a.id, a.name, s.associationId),
    )}</select></div>
</div>
${s.errors.status ? html`<p class="field-error">${s.errors.status}</p>` : ''}
<button type="submit">${t.search}</button>
</form>
${results}`,
  });
}

function commentForm(ctx: PageContext, g: GroupStandardView, state: CommentFormState): SafeHtml {
  const t = GROUP_STANDARD_DICTIONARIES[ctx.lang];
  const field = formField(state, 'gc');
  const v = state.values;
  return html`<form method="post" action="/group-standards/${g.id}/comments" novalidate>
${languageField(ctx, true)}
${errorSummary(state, 'gc', t.fixErrors, t.fieldNames)}
${field(
  'clause',
  t.commentClause,
  null,
  (a) =>
    html`<select ${a} required>${g.requirements.map(
      (r) =>
        html`<option value="${r.clause}"${v.clause === r.clause ? html` selected` : ''}>${r.clause} ${ctx.lang === 'en' ? (r.textEn ?? r.textZh) : r.textZh}</option>`,
    )}</select>`,
)}
${field('text', t.commentText, t.commentTextHint, (a) => html`<textarea ${a} required minlength="2" maxlength="4000" rows="5">${v.text ?? ''}</textarea>`)}
${field('name', t.commentName, null, (a) => html`<input ${a} maxlength="100" autocomplete="name" value="${v.name ?? ''}">`)}
${field('email', t.commentEmail, null, (a) => html`<input ${a} type="email" maxlength="254" autocomplete="email" value="${v.email ?? ''}">`)}
<button type="submit">${t.submitComment}</button>
</form>`;
}

/** A group standard's page: its facts, its draft or text's clauses, how it was made, the comments and their answers, and the comment form while open. */
export function groupStandardPage(ctx: PageContext, g: GroupStandardView, form: CommentFormState | null = { values: {}, errors: {} }, closed = false): string {
  const t = GROUP_STANDARD_DICTIONARIES[ctx.lang];
  const fact = (label: string, value: SafeHtml | string | null | undefined) => (value ? html`<dt>${label}</dt><dd>${value}</dd>` : '');
  const date = (d: string | null) => (d ? html`<span class="nw">${day(d)}</span>` : null);
  const open = g.status === 'public_comment' && !closed;
  const bound = (r: GroupStandardView['requirements'][number]) =>
    r.kind === 'measured' ? [r.min !== null ? `≥ ${r.min}` : '', r.max !== null ? `≤ ${r.max}` : ''].filter(Boolean).join(' ') + ` ${r.unit ?? ''}` : '';
  return layout(ctx, {
    title: g.number ? `${g.number} ${title(ctx, g)}` : title(ctx, g),
    section: null,
    body: html`<p><a href="${ctx.href('/group-standards')}">${t.directoryLink}</a></p>
<h1>${g.number ? html`<span class="nw">${g.number}</span> ` : ''}${title(ctx, g)}</h1>
<section class="card" aria-labelledby="facts">
<div class="row"><h2 id="facts">${associationName(ctx, g.association)}</h2>${statusBadge(ctx, g.status)}</div>
<dl class="facts">
${fact(t.number, g.number ?? t.noNumber)}
${fact(t.titleEn, ctx.lang === 'en' ? g.titleZh : g.titleEn)}
${fact(t.ics, g.ics)}${fact(t.ccs, g.ccs)}
${fact(t.fullText, g.fullTextOpen ? t.yes : t.no)}
${fact(t.approvedOn, date(g.approvedOn))}
${g.commentFrom ? fact(t.commentPeriod, html`${date(g.commentFrom)} – ${date(g.commentTo)}`) : ''}
${fact(t.publishedOn, date(g.publishedOn))}${fact(t.implementationOn, date(g.implementationOn))}
${fact(t.lastReviewOn, date(g.lastReviewOn))}${fact(t.reviewDueOn, date(g.reviewDueOn))}${fact(t.withdrawnOn, date(g.withdrawnOn))}
</dl>
<h3>${t.scope}</h3><p>${g.scope}</p>
${g.summary ? html`<h3>${t.summary}</h3><p>${g.summary}</p>` : ''}
</section>
${open && g.commentTo ? html`<p class="note" id="comment-open">${t.commentOpen(day(g.commentTo))}</p>` : ''}
${
  g.requirements.length
    ? html`<section class="card" aria-labelledby="requirements">
<h2 id="requirements">${t.requirements}</h2>
<table>
<thead><tr><th scope="col">${t.clause}</th><th scope="col">${t.requirement}</th></tr></thead>
<tbody>${g.requirements.map(
        (r) =>
          html`<tr><td>${r.clause}</td><td>${ctx.lang === 'en' ? (r.textEn ?? r.textZh) : r.textZh} ${bound(r)}${r.critical ? html` <span class="badge">${t.critical}</span>` : ''}</td></tr>`,
      )}</tbody>
</table>
</section>`
    : ''
}
<section class="card" aria-labelledby="comments">
<h2 id="comments">${t.comments}</h2>
${
  g.comments.length
    ? html`<ol class="results">${g.comments.map(
        (c) => html`<li>
<div class="row"><h3>${t.clause} ${c.clause}</h3><span class="badge">${c.answer ? t.answers[c.answer] : t.unanswered}</span></div>
<p>${c.text}</p>
${c.reply ? html`<p class="meta">${t.reply}${c.reply}</p>` : ''}
</li>`,
      )}</ol>`
    : html`<p>${t.noComments}</p>`
}
</section>
${
  open && form
    ? html`<section class="card" aria-labelledby="comment-form"><h2 id="comment-form">${t.commentFormTitle}</h2>${commentForm(ctx, g, form)}</section>`
    : closed
      ? html`<p class="note" role="alert">${t.closed}</p>`
      : ''
}
<section class="card" aria-labelledby="history">
<h2 id="history">${t.history}</h2>
<table>
<thead><tr><th scope="col">${t.date}</th><th scope="col">${t.event}</th></tr></thead>
<tbody>${g.history.map(
      (h) =>
        html`<tr><td><time datetime="${new Date(h.at).toISOString()}">${beijingTime(h.at).split(' ')[0]}</time></td><td>${t.actions[h.action] ?? h.action}${
          h.note ? html`<span class="reason">${h.note}</span>` : ''
        }</td></tr>`,
    )}</tbody>
</table>
</section>`,
  });
}

export function commentThanksPage(ctx: PageContext, g: GroupStandardView, receipt: PublicCommentReceipt): string {
  const t = GROUP_STANDARD_DICTIONARIES[ctx.lang];
  return layout(ctx, {
    title: t.thanksTitle,
    section: null,
    switchHref: ctx.switchHref(`/group-standards/${g.id}`, {}),
    body: html`<section class="card" aria-labelledby="thanks">
<h1 id="thanks">${t.thanksTitle}</h1>
<p>${t.thanksText(day(receipt.commentTo))}</p>
<p><a href="${ctx.href(`/group-standards/${g.id}`)}">${t.back}</a></p>
</section>`,
  });
}
