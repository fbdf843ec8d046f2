import { createHash } from 'node:crypto';
import type { FastifyReply } from 'fastify';
import { html, SafeHtml } from './html';
import { HTML_LANG } from './i18n';
import type { PageContext } from './page-context';

/**
 * Mobile first (375 px wide and up), system fonts (every phone has a CJK one), colours that pass
 * WCAG AA on their backgrounds, a visible focus ring, and status never told by colour alone.
 * A table too wide for a phone (class stack) becomes one card per row there, each cell labelled
 * by its column (data-label), rather than scroll sideways.
 */
const CSS = `
:root{--fg:#1b1f24;--muted:#4f5862;--line:#d0d7de;--bg:#f4f6f8;--brand:#a8141b;--link:#0b57d0;--ok:#0d6630;--warn:#f2b705;--bad:#b3261e}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--fg);font:16px/1.6 system-ui,-apple-system,"PingFang SC","Hiragino Sans GB","Noto Sans CJK SC","Noto Sans SC","Source Han Sans SC","Microsoft YaHei",sans-serif}
a{color:var(--link);text-underline-offset:.15em}
:focus-visible{outline:3px solid #1a73e8;outline-offset:2px}
.skip{position:absolute;left:-9999px;top:0}
.skip:focus{left:.5rem;top:.5rem;z-index:10;background:#fff;padding:.5rem .75rem;border-radius:6px}
.site{background:#fff;border-bottom:4px solid var(--brand)}
.bar{max-width:46rem;margin:0 auto;padding:.625rem 1rem;display:flex;flex-wrap:wrap;align-items:center;gap:.25rem 1rem}
.brand{display:flex;align-items:center;gap:.5rem;margin-right:auto;color:var(--brand);font-weight:800;font-size:1.125rem;text-decoration:none}
.seal{display:inline-grid;place-items:center;width:2rem;height:2rem;border-radius:50%;background:var(--brand);color:#fff;font-size:.875rem;font-weight:800}
.site nav ul{display:flex;gap:1rem;list-style:none;margin:0;padding:0}
.site nav a{display:inline-block;padding:.375rem 0;color:var(--fg);font-weight:600;text-decoration:none}
.site nav a[aria-current=page]{color:var(--brand);box-shadow:inset 0 -3px 0 var(--brand)}
.site nav a.switch{color:var(--link);text-decoration:underline}
main{display:block;max-width:46rem;margin:0 auto;padding:1rem;overflow-wrap:anywhere}
h1{font-size:1.5rem;line-height:1.3;margin:.5rem 0 1rem}
h2{font-size:1.1875rem;line-height:1.35;margin:0 0 .75rem}
h3{font-size:1.0625rem;margin:0 0 .5rem}
.card dl+h3,.card p+h3{margin-top:1.25rem;padding-top:1rem;border-top:1px solid var(--line)}
p{margin:0 0 .75rem}
.lead{color:var(--muted)}
.card .card{border:0;padding:0;margin:0}
.card{background:#fff;border:1px solid var(--line);border-radius:12px;padding:1rem;margin:0 0 1rem}
.verdict{border-radius:14px;padding:1.25rem 1rem 1rem;margin:0 0 1rem;text-align:center;color:#fff;background:var(--bad)}
.verdict.valid{background:var(--ok)}
.verdict.suspended{background:var(--warn);color:#1b1f24}
.verdict .kicker{font-size:.875rem;margin:0 0 .25rem;opacity:.95}
.verdict h1{margin:0;font-size:1rem;line-height:1.1}
.verdict .icon{display:block;font-size:3rem;line-height:1;font-weight:800}
.verdict .word{display:block;font-size:clamp(2rem,11vw,3.25rem);font-weight:900;letter-spacing:.04em;line-height:1.25}
.verdict .other{display:block;font-size:1.125rem;font-weight:700;letter-spacing:.08em;margin-top:.25rem}
.verdict .explain{font-size:1.0625rem;line-height:1.5;margin:.75rem 0 0;text-align:left}
.asof{font-size:.875rem;color:var(--muted);text-align:center}
dl.facts{margin:0;display:grid;grid-template-columns:1fr;gap:0}
dl.facts dt{color:var(--muted);font-size:.875rem;margin-top:.5rem}
dl.facts dt:first-child{margin-top:0}
dl.facts dd{margin:0;font-weight:600;overflow-wrap:anywhere}
dl.facts dd .sub{display:block;font-weight:400;color:var(--muted);font-size:.9375rem}
.products{list-style:none;margin:0;padding:0}
.products>li{border-top:1px solid var(--line);padding:.75rem 0 0;margin-top:.75rem}
.products>li:first-child{border-top:0;margin-top:0;padding-top:0}
.models{display:flex;flex-wrap:wrap;gap:.375rem;list-style:none;margin:.125rem 0 0;padding:0}
.models li{background:#eef1f4;border:1px solid var(--line);border-radius:6px;padding:0 .5rem;font-family:ui-monospace,"SFMono-Regular",Menlo,Consolas,monospace;font-size:.9375rem}
.note{border-left:4px solid var(--warn);background:#fff8e1;padding:.5rem .75rem;border-radius:4px}
.field{margin:0 0 1rem}
label{display:block;font-weight:700;margin:0 0 .25rem}
input,select,textarea{display:block;width:100%;font:inherit;color:inherit;background:#fff;border:1px solid #6e7781;border-radius:8px;padding:.625rem .75rem;min-height:2.75rem}
textarea{min-height:7.5rem;resize:vertical}
.hint{color:var(--muted);font-size:.875rem;margin:.25rem 0 0}
.invalid{border-color:var(--bad);border-width:2px}
.field-error{color:var(--bad);font-weight:700;font-size:.9375rem;margin:.25rem 0 0}
.errors{border:2px solid var(--bad);border-radius:8px;padding:.75rem 1rem;margin:0 0 1rem;background:#fdecea}
.errors ul{margin:.25rem 0 0;padding-left:1.25rem}
button,.button{display:inline-block;width:100%;min-height:2.75rem;padding:.625rem 1.25rem;border:0;border-radius:8px;background:var(--brand);color:#fff;font:inherit;font-weight:700;text-align:center;text-decoration:none;cursor:pointer}
.filters{display:grid;grid-template-columns:1fr 1fr;gap:0 .75rem;align-items:end}
.nw{white-space:nowrap}
.reference{font-size:1.75rem;font-weight:900;letter-spacing:.04em;font-family:ui-monospace,"SFMono-Regular",Menlo,Consolas,monospace;text-align:center;background:#eef6f0;border:2px dashed var(--ok);border-radius:10px;padding:.75rem;margin:.25rem 0 1rem}
.results{list-style:none;margin:0;padding:0}
.results>li{background:#fff;border:1px solid var(--line);border-radius:12px;padding:.875rem 1rem;margin:0 0 .75rem}
.results h3{margin:0 0 .25rem;font-size:1rem}
.results h3 a{font-family:ui-monospace,"SFMono-Regular",Menlo,Consolas,monospace}
.results .holder{font-weight:700;margin:0}
.results .meta{color:var(--muted);font-size:.875rem;margin:.25rem 0 0}
.row{display:flex;flex-wrap:wrap;align-items:center;justify-content:space-between;gap:.25rem .75rem}
.badge{display:inline-block;border-radius:999px;padding:0 .625rem;font-size:.875rem;font-weight:800;border:2px solid currentColor;white-space:nowrap}
.badge.valid{color:var(--ok)}
.badge.suspended{color:#7a4f00;background:#fff3cd}
.badge.withdrawn,.badge.cancelled,.badge.expired{color:var(--bad)}
.badge.passed{color:var(--ok)}
.badge.failed{color:var(--bad)}
dl.facts dd .line{display:block}
dl.facts dd .none{font-weight:400;color:var(--muted)}
.pager{display:flex;flex-wrap:wrap;gap:.75rem 1.5rem;margin:1rem 0}
.pager a{font-weight:700}
table{width:100%;border-collapse:collapse;font-size:.9375rem}
th,td{text-align:left;padding:.5rem .375rem;border-bottom:1px solid var(--line);vertical-align:top}
th{color:var(--muted);font-weight:700;white-space:nowrap}
td .reason{display:block;color:var(--muted);font-size:.875rem}
td .none{color:var(--muted)}
.actions{display:flex;flex-wrap:wrap;gap:.75rem 1.5rem;margin:0 0 1rem}
footer{max-width:46rem;margin:1rem auto 0;padding:1rem;color:var(--muted);font-size:.8125rem;border-top:1px solid var(--line)}
footer a{color:var(--muted)}
@media (min-width:40rem){
  h1{font-size:1.75rem}
  dl.facts{grid-template-columns:12rem 1fr;gap:.5rem 1rem}
  dl.facts dt{margin-top:0}
  button,.button{width:auto}
  .filters{grid-template-columns:1fr 1fr}
}
@media (max-width:39.9375rem){
  table.stack thead{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
  table.stack,table.stack tbody,table.stack tr{display:block}
  table.stack tr{padding:.5rem 0;border-bottom:1px solid var(--line)}
  table.stack tr:last-child{border-bottom:0}
  table.stack td{display:grid;grid-template-columns:minmax(5.5rem,35%) 1fr;gap:0 .75rem;padding:.125rem 0;border:0}
  table.stack td::before{content:attr(data-label);content:attr(data-label) / "";color:var(--muted);font-size:.875rem;font-weight:700}
}
`.trim();

/** The stylesheet is inline (one request per page) and allowed by its hash: no other style or script runs. */
const CSP = [
  "default-src 'none'",
  `style-src 'sha256-${createHash('sha256').update(CSS).digest('base64')}'`,
  "img-src 'self' data:",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

export type Section = 'verify' | 'registry' | 'report' | null;

export interface PageOptions {
  title: string;
  body: SafeHtml;
  section: Section;
  /** Where the language switch leads (defaults to this page in the other language). */
  switchHref?: string;
}

/** Keeps a language the reader chose explicitly (?lang=) across a form's submission. */
export const languageField = (ctx: PageContext, always = false): SafeHtml | '' =>
  always || ctx.explicit ? html`<input type="hidden" name="lang" value="${ctx.lang}">` : '';

export function layout(ctx: PageContext, o: PageOptions): string {
  const t = ctx.t;
  const nav = (section: Section, path: string, label: string) =>
    html`<li><a href="${ctx.href(path)}"${o.section === section ? html` aria-current="page"` : ''}>${label}</a></li>`;
  const other = ctx.lang === 'zh' ? 'en' : 'zh';
  return `<!doctype html>${
    html`<html lang="${HTML_LANG[ctx.lang]}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${o.title} · ${t.siteFull}</title>
<style>${new SafeHtml(CSS)}</style>
</head>
<body>
<a class="skip" href="#main">${t.skip}</a>
<header class="site">
<div class="bar">
<a class="brand" href="${ctx.href('/verify')}"><span class="seal" aria-hidden="true">深</span>${t.site}</a>
<nav aria-label="${t.siteFull}"><ul>
${nav('verify', '/verify', t.navVerify)}${nav('registry', '/registry', t.navRegistry)}${nav('report', '/report', t.navReport)}
<li><a class="switch" href="${o.switchHref ?? ctx.switchHref()}" lang="${HTML_LANG[other]}" hreflang="${HTML_LANG[other]}" aria-label="${t.switchLabel}">${t.switchTo}</a></li>
</ul></nav>
</div>
</header>
<main id="main">
${o.body}
</main>
<footer>
<p>${t.footer}</p>
<p>${t.footerRecords}: <a href="${ctx.href('/group-standards')}">${t.footerGroupStandards}</a> · <a href="${ctx.href('/declarations')}">${t.footerDeclarations}</a> · <a href="${ctx.href('/frontrunners')}">${t.footerFrontrunners}</a> · <a href="${ctx.href('/inspections')}">${t.footerInspections}</a> · <a href="${ctx.href('/credit')}">${t.footerCredit}</a> · <a href="${ctx.href('/laboratories')}">${t.footerLaboratories}</a></p>
<p><a href="/api/v1/registry/export?format=csv">${t.footerData} (CSV)</a> · <a href="/api/v1/registry/export?format=jsonl">JSON Lines</a> · <a href="/.well-known/jwks.json">${t.footerKeys}</a> · <a href="/api/docs">API</a></p>
</footer>
</body>
</html>`.value
  }`;
}

/** Headers every page carries: HTML, the CSP, no caching of live answers, language negotiation. */
export function sendPage(reply: FastifyReply, status: number, page: string): string {
  void reply
    .status(status)
    .header('Content-Type', 'text/html; charset=utf-8')
    .header('Content-Security-Policy', CSP)
    .header('X-Content-Type-Options', 'nosniff')
    .header('Referrer-Policy', 'no-referrer')
    .header('Cache-Control', 'no-store')
    .header('Vary', 'Accept-Language');
  return page;
}
