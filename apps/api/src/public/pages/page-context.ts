import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { chooseLang, DICTIONARIES, Dict, Lang } from './i18n';

/** What every view needs to know about the request: language, where it is, how to link. */
export class PageContext {
  readonly t: Dict;

  constructor(
    readonly lang: Lang,
    /** Chosen with ?lang=: links keep it. Chosen from Accept-Language: links leave it to the browser again. */
    readonly explicit: boolean,
    readonly path: string,
    readonly query: Record<string, string>,
    readonly requestId: string,
  ) {
    this.t = DICTIONARIES[lang];
  }

  static of(req: FastifyRequest): PageContext {
    const query: Record<string, string> = {};
    for (const [k, v] of Object.entries((req.query ?? {}) as Record<string, unknown>)) if (typeof v === 'string') query[k] = v;
    const body = req.body && typeof req.body === 'object' ? (req.body as Record<string, unknown>) : {};
    const requested = query.lang ?? (typeof body.lang === 'string' ? body.lang : undefined);
    const { lang, explicit } = chooseLang(requested, req.headers['accept-language']);
    return new PageContext(lang, explicit, req.url.split('?')[0], query, String(req.id));
  }

  /** A link inside the site, keeping an explicit language choice. */
  href(path: string, params: Record<string, string | undefined> = {}): string {
    const search = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') search.set(k, v);
    if (this.explicit) search.set('lang', this.lang);
    const s = search.toString();
    return s ? `${path}?${s}` : path;
  }

  /** The same page in the other language (a form's result page switches to the form). */
  switchHref(path = this.path, params: Record<string, string> = this.query): string {
    const search = new URLSearchParams(params);
    search.set('lang', this.lang === 'zh' ? 'en' : 'zh');
    return `${path}?${search.toString()}`;
  }
}

export const Page = createParamDecorator((_: unknown, ctx: ExecutionContext): PageContext => PageContext.of(ctx.switchToHttp().getRequest()));

const BEIJING = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});
const BEIJING_DAY = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

/** 2026-11-22 16:58 in Beijing time, whatever the server's zone. */
export const beijingTime = (at: string | Date) => BEIJING.format(new Date(at));
/** A calendar date: kept as it is when it already is one (PostgreSQL dates arrive as YYYY-MM-DD). */
export const day = (d: unknown) =>
  typeof d === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(d) ? d : d instanceof Date || typeof d === 'string' ? BEIJING_DAY.format(new Date(d)) : '';
